/*
 * 办理统计: the handling statistics in Cockpit, for the offices that supervise the handling. A header entry and a
 * dashboard summary lead to the page #/statistics: figures per agency (league table and sections), a bar chart per
 * agency, the monthly trend, and a drill-down from every number to the proposals behind it. Everything comes from
 * our API (/api/statistics/...) with the webapp session; the definitions shown as tooltips come from the server, so
 * the page and the README say the same. Plain JavaScript, no build step; ECharts from its Maven webjar.
 */

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
const appRoot = document.querySelector('base').getAttribute('app-root');
// our application's root: the webapps live one path segment below it (/camunda)
const root = appRoot.substring(0, appRoot.lastIndexOf('/'));
const api = path => root + '/api/statistics' + path;

const TABS = [
  {key: 'RANKING', label: '排名', figures: ['onTimeRate', 'finalSatisfactionRate', 'resolutionRate', 'coOnTimeRate',
    'assigned', 'overdue']},
  {key: 'REPLY', label: '答复办理'},
  {key: 'COMMUNICATION', label: '沟通方式'},
  {key: 'FEEDBACK', label: '代表评价'},
  {key: 'CLASSIFICATION', label: '答复类别与办成'},
  {key: 'CO_AGENCY', label: '协办'}
];
const CHART_FIGURES = ['onTimeRate', 'finalSatisfactionRate', 'resolutionRate', 'inPersonRate', 'coOnTimeRate'];

let stylesAdded = false;
function addStyles() {
  if (stylesAdded) {
    return;
  }
  stylesAdded = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = appRoot + '/app/cockpit/scripts/statistics/statistics.css';
  document.head.appendChild(link);
}

/** An element with attributes (on… are listeners) and children (strings become text, never markup). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

async function get(path) {
  const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const reasons = (body.errors || []).map(error => error.messageZh).join('；');
    throw new Error((body.detailZh || body.titleZh || '查询失败') + (reasons ? '：' + reasons : ''));
  }
  return body;
}

let echartsLoading;
/** ECharts from the webjar; through RequireJS where Cockpit has it (ECharts is an AMD module then). */
function echarts() {
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      if (typeof window.requirejs === 'function') {
        window.requirejs([root + ECHARTS], resolve, reject);
        return;
      }
      const script = el('script', {src: root + ECHARTS});
      script.onload = () => resolve(window.echarts);
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  return echartsLoading;
}

function format(value, type) {
  if (value === undefined || value === null) {
    return '—';
  }
  if (type === 'RATE') {
    return (value * 100).toFixed(1) + '%';
  }
  if (type === 'MEDIAN') {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
  return String(value);
}

function day(text) {
  if (!text) {
    return '—';
  }
  const [year, month, date] = text.split('-').map(Number);
  return year + '年' + month + '月' + date + '日';
}

function coded(value) {
  return value ? value.label : '—';
}

function hashParameters() {
  const hash = window.location.hash;
  const query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query);
}

/** The page #/statistics. */
async function renderPage(node) {
  addStyles();
  const state = {tab: 'RANKING', filter: {}, table: null, definitions: null};
  const message = el('div', {class: 'stat-message', role: 'status'});
  const filterBar = el('form', {class: 'stat-filter form-inline'});
  const tabs = el('ul', {class: 'nav nav-tabs stat-tabs'});
  const tableBox = el('div', {class: 'stat-table-box'});
  const chartControls = el('div', {class: 'stat-chart-controls'});
  const barChart = el('div', {class: 'stat-chart', id: 'stat-bar-chart'});
  const trendChart = el('div', {class: 'stat-chart', id: 'stat-trend-chart'});
  const drill = el('section', {class: 'stat-drill', id: 'stat-drill'});
  const record = el('section', {class: 'stat-record', id: 'stat-record'});
  const asOf = el('span', {class: 'stat-as-of'});
  const score = el('p', {class: 'stat-score'});
  node.appendChild(el('div', {class: 'ctn-view container-fluid stat-page'},
    el('h1', {class: 'stat-title'}, '办理统计 ', asOf),
    el('p', {class: 'stat-lead'}, '各承办单位的交办、答复、评价与办成情况。将鼠标停在列名上可查看指标定义；点击任一数字可查看其对应的议案建议。'),
    filterBar, message, tabs, tableBox, score,
    el('div', {class: 'row'},
      el('div', {class: 'col-md-6'}, el('h3', {}, '各单位对比'), chartControls, barChart),
      el('div', {class: 'col-md-6'}, el('h3', {}, '月度趋势（按首次交办和首次答复月份）'), trendChart)),
    drill, record));

  try {
    state.definitions = await get(api('/definitions'));
  } catch (e) {
    message.textContent = e.message;
    return;
  }
  const byKey = {};
  state.definitions.figures.forEach(figure => { byKey[figure.key] = figure; });
  score.textContent = '排名依据：' + state.definitions.score;

  const sessions = await get(api('/sessions')).catch(() => []);
  const asked = hashParameters();
  const sessionSelect = el('select', {class: 'form-control', name: 'session', 'aria-label': '届次会议'},
    sessions.map(code => el('option', {value: code, selected: code === asked.get('session')}, code)));
  const kind = el('select', {class: 'form-control', name: 'kind', 'aria-label': '类型'},
    el('option', {value: ''}, '全部类型'), el('option', {value: 'MOTION'}, '议案'),
    el('option', {value: 'SUGGESTION'}, '建议'));
  const priority = el('select', {class: 'form-control', name: 'priority', 'aria-label': '类别'},
    el('option', {value: ''}, '全部类别'), el('option', {value: 'KEY'}, '重点'), el('option', {value: 'NORMAL'}, '一般'));
  const from = el('input', {class: 'form-control', type: 'date', name: 'assignedFrom', 'aria-label': '交办日期起'});
  const to = el('input', {class: 'form-control', type: 'date', name: 'assignedTo', 'aria-label': '交办日期止'});
  const exportLink = el('a', {class: 'btn btn-default stat-export', href: '#', download: ''}, '导出Excel');
  filterBar.append(
    el('label', {}, '届次会议 ', sessionSelect), ' ', kind, ' ', priority, ' ',
    el('label', {}, '交办日期 ', from, ' 至 ', to), ' ',
    el('button', {class: 'btn btn-primary', type: 'submit'}, '查询'), ' ', exportLink);
  if (!sessions.length) {
    message.textContent = '尚无议案建议。';
    return;
  }

  function query() {
    const parameters = new URLSearchParams();
    [sessionSelect, kind, priority, from, to].forEach(input => {
      if (input.value) {
        parameters.set(input.name, input.value);
      }
    });
    return parameters;
  }

  function renderTabs() {
    tabs.replaceChildren(...TABS.map(tab => el('li', {class: tab.key === state.tab ? 'active' : null},
      el('a', {href: '', 'data-tab': tab.key, onclick: event => {
        event.preventDefault();
        state.tab = tab.key;
        renderTabs();
        renderTable();
      }}, tab.label))));
  }

  function figuresOf(tab) {
    return tab.figures || state.definitions.figures.filter(figure => figure.group === tab.key).map(f => f.key);
  }

  function numberCell(row, figureKey) {
    const definition = byKey[figureKey];
    const text = format(row.figures[figureKey], definition.type);
    const agency = row.agency ? row.agency.code : null;
    return el('td', {class: 'stat-number'}, el('a', {href: '', class: 'stat-drill-link',
      'data-agency': agency || 'county', 'data-figure': figureKey,
      title: '查看' + (row.agency ? row.agency.name : '全县') + '「' + definition.label + '」对应的议案建议',
      onclick: event => {
        event.preventDefault();
        openDrillDown(row.agency, figureKey);
      }}, text));
  }

  function renderTable() {
    const table = state.table;
    const tab = TABS.find(t => t.key === state.tab);
    const figures = figuresOf(tab);
    const ranking = tab.key === 'RANKING';
    const head = el('tr', {},
      ranking ? el('th', {title: '按综合得分排序，得分相同并列'}, '排名') : null,
      el('th', {}, '单位'),
      ranking ? el('th', {title: state.definitions.score}, '综合得分') : null,
      figures.map(key => el('th', {title: byKey[key].definition, class: 'stat-number'}, byKey[key].label)));
    const rows = table.agencies.map(row => el('tr', {'data-agency': row.agency.code},
      ranking ? el('td', {}, row.rank === undefined ? '—' : String(row.rank)) : null,
      el('td', {}, row.agency.name),
      ranking ? el('td', {class: 'stat-number'}, row.score === undefined ? '—' : row.score.toFixed(1)) : null,
      figures.map(key => numberCell(row, key))));
    const county = {agency: null, figures: table.county};
    rows.push(el('tr', {class: 'stat-county', 'data-agency': 'county'},
      ranking ? el('td', {}, '') : null,
      el('td', {}, '全县合计'),
      ranking ? el('td', {}, '') : null,
      figures.map(key => numberCell(county, key))));
    tableBox.replaceChildren(el('table', {class: 'table table-bordered table-condensed stat-table'},
      el('thead', {}, head), el('tbody', {}, rows)));
  }

  let barFigure = 'onTimeRate';
  async function renderBarChart() {
    const lib = await echarts();
    const rows = state.table.agencies.filter(row => row.figures[barFigure] !== undefined);
    const chart = lib.getInstanceByDom(barChart) || lib.init(barChart);
    const definition = byKey[barFigure];
    chart.setOption({
      tooltip: {trigger: 'axis', valueFormatter: value => format(value / 100, 'RATE')},
      grid: {left: 48, right: 16, top: 32, bottom: 72},
      xAxis: {type: 'category', data: rows.map(row => row.agency.name), axisLabel: {rotate: 30}},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      series: [{name: definition.label, type: 'bar', data: rows.map(row => +(row.figures[barFigure] * 100).toFixed(1)),
        label: {show: true, position: 'top', formatter: '{c}%'}}]
    }, true);
  }
  chartControls.append(el('select', {class: 'form-control input-sm', 'aria-label': '对比指标', onchange: event => {
    barFigure = event.target.value;
    renderBarChart();
  }}, CHART_FIGURES.map(key => el('option', {value: key}, byKey[key].label))));

  async function renderTrend(parameters) {
    const trend = await get(api('/trend?' + parameters));
    const lib = await echarts();
    const chart = lib.getInstanceByDom(trendChart) || lib.init(trendChart);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {data: ['交办件数', '答复件数', '当月按时率']},
      grid: {left: 48, right: 56, top: 40, bottom: 32},
      xAxis: {type: 'category', data: trend.months.map(m => m.month.replace('-', '年') + '月')},
      yAxis: [{type: 'value', name: '件'}, {type: 'value', name: '按时率', min: 0, max: 100,
        axisLabel: {formatter: '{value}%'}}],
      series: [
        {name: '交办件数', type: 'bar', data: trend.months.map(m => m.assigned)},
        {name: '答复件数', type: 'bar', data: trend.months.map(m => m.replied)},
        {name: '当月按时率', type: 'line', yAxisIndex: 1, connectNulls: true,
          data: trend.months.map(m => m.onTimeRate === undefined ? null : +(m.onTimeRate * 100).toFixed(1))}
      ]
    }, true);
  }

  async function openDrillDown(agency, figureKey) {
    const parameters = query();
    parameters.set('figure', figureKey);
    if (agency) {
      parameters.set('agency', agency.code);
    }
    drill.replaceChildren(el('p', {}, '正在查询……'));
    let result;
    try {
      result = await get(api('/proposals?' + parameters));
    } catch (e) {
      drill.replaceChildren(el('p', {class: 'text-danger'}, e.message));
      return;
    }
    const who = result.agency ? result.agency.name : '全县';
    const items = result.items.map(item => el('tr', {'data-proposal': item.id},
      el('td', {}, item.caseNumber === undefined ? '—' : coded(item.kind) + '第' + item.caseNumber + '号'),
      el('td', {}, el('a', {href: '', onclick: event => {
        event.preventDefault();
        openRecord(item);
      }}, item.title)),
      el('td', {}, item.agency ? item.agency.name : '—'),
      el('td', {}, day(item.firstAssignedOn)),
      el('td', {}, day(item.replyDue)),
      el('td', {}, day(item.firstReplyDate)),
      el('td', {}, item.onTime === undefined ? '—' : item.onTime ? '按时' : '逾期'),
      el('td', {class: 'stat-number'}, item.workingDays === undefined ? '—' : String(item.workingDays)),
      el('td', {class: 'stat-number'}, item.daysOverdue === undefined ? '—' : String(item.daysOverdue)),
      el('td', {}, coded(item.classification)),
      el('td', {}, coded(item.satisfaction)),
      el('td', {}, coded(item.status)),
      el('td', {},
        el('a', {href: root + item.record, target: '_blank', rel: 'noopener'}, '记录'), ' ',
        item.cockpit ? el('a', {href: root + item.cockpit, class: 'stat-cockpit-link'}, '流程实例')
          : el('span', {class: 'text-muted'}, '流程已结束'))));
    drill.replaceChildren(
      el('h3', {}, who + ' · ' + result.figure.label + '（' + result.total + '件）'),
      el('p', {class: 'text-muted'}, result.figure.definition),
      el('p', {}, result.total > result.items.length ? '仅列出前' + result.items.length + '件。' : ''),
      el('table', {class: 'table table-striped table-condensed stat-drill-table'},
        el('thead', {}, el('tr', {}, ['案号', '案由', '单位', '交办日期', '答复期限', '首次答复', '是否按时',
          '用时（工作日）', '超期天数', '类别标记', '代表评价', '状态', ''].map(label => el('th', {}, label)))),
        el('tbody', {}, items.length ? items : el('tr', {}, el('td', {colspan: 13}, '没有对应的议案建议。')))));
    drill.scrollIntoView({behavior: 'smooth', block: 'start'});
  }

  async function openRecord(item) {
    record.replaceChildren(el('p', {}, '正在读取记录……'));
    let detail;
    try {
      detail = await (await fetch(root + item.record, {credentials: 'same-origin'})).json();
    } catch (e) {
      record.replaceChildren(el('p', {class: 'text-danger'}, '无法读取记录。'));
      return;
    }
    const replies = (detail.replies || []).filter(reply => reply.replyDate);
    record.replaceChildren(
      el('h3', {}, detail.title),
      el('dl', {class: 'dl-horizontal'},
        el('dt', {}, '案号'), el('dd', {}, detail.caseNumber ? coded(detail.kind) + '第' + detail.caseNumber + '号' : '—'),
        el('dt', {}, '状态'), el('dd', {}, coded(detail.status)),
        el('dt', {}, '领衔代表'), el('dd', {}, detail.leadDeputy ? detail.leadDeputy.name : '—'),
        el('dt', {}, '承办单位'), el('dd', {}, (detail.agencies || []).map(a => a.name + (a.role === 'LEAD' ? '（主办）'
          : '（协办）')).join('、') || '—'),
        el('dt', {}, '答复期限'), el('dd', {}, day(detail.replyDue)),
        el('dt', {}, '答复'), el('dd', {}, replies.map(r => day(r.replyDate) + ' ' + coded(r.classification)).join('；')
          || '—'),
        el('dt', {}, '代表评价'), el('dd', {}, coded(detail.satisfaction))),
      el('h4', {}, '办理过程'),
      el('ol', {class: 'stat-timeline'}, (detail.timeline || []).map(entry =>
        el('li', {}, new Date(entry.at).toLocaleString('zh-CN') + ' ' + entry.label
          + (entry.detail ? '：' + entry.detail : '')))));
    record.scrollIntoView({behavior: 'smooth', block: 'start'});
  }

  async function load() {
    const parameters = query();
    message.textContent = '正在统计……';
    drill.replaceChildren();
    record.replaceChildren();
    try {
      state.table = await get(api('/agencies?' + parameters));
    } catch (e) {
      message.textContent = e.message;
      return;
    }
    message.textContent = '';
    asOf.textContent = '（' + state.table.query.session + '，统计日期：' + day(state.table.asOf) + '）';
    exportLink.setAttribute('href', api('/agencies.xlsx?' + parameters));
    renderTabs();
    renderTable();
    await renderBarChart().catch(e => { message.textContent = '图表无法显示：' + e.message; });
    await renderTrend(parameters).catch(e => { message.textContent = '图表无法显示：' + e.message; });
  }

  filterBar.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  await load();
}

/** The summary on Cockpit's dashboard: the county's main figures of the newest session. */
async function renderSummary(node) {
  addStyles();
  const box = el('div', {class: 'stat-summary'}, '正在统计……');
  node.appendChild(box);
  try {
    const sessions = await get(api('/sessions'));
    if (!sessions.length) {
      box.textContent = '尚无议案建议。';
      return;
    }
    const table = await get(api('/agencies?session=' + encodeURIComponent(sessions[0])));
    const county = table.county;
    box.replaceChildren(
      el('h4', {}, '办理统计'),
      el('span', {}, sessions[0] + '：交办 ' + county.assigned + ' 件，已答复 ' + county.replied + ' 件，按时答复率 '
        + format(county.onTimeRate, 'RATE') + '，超期未答复 ' + county.overdue + ' 件，满意率 '
        + format(county.finalSatisfactionRate, 'RATE') + '，办成率 ' + format(county.resolutionRate, 'RATE') + '。'),
      ' ', el('a', {href: '#/statistics?session=' + encodeURIComponent(sessions[0])}, '查看办理统计 »'));
  } catch (e) {
    box.textContent = e.message;
  }
}

export default [
  {
    id: 'proposalStatisticsNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: {path: '#/statistics', label: '办理统计',
      checkActive: path => path.indexOf('#/statistics') > -1},
    checkActive: path => path.indexOf('#/statistics') > -1,
    render: node => {
      node.appendChild(el('a', {href: '#/statistics'}, '办理统计'));
    }
  },
  {
    id: 'proposalStatisticsPage',
    pluginPoint: 'cockpit.route',
    properties: {path: '/statistics'},
    render: node => {
      renderPage(node);
    }
  },
  {
    id: 'proposalStatisticsSummary',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    properties: {label: '办理统计'},
    render: node => {
      renderSummary(node);
    }
  }
];
