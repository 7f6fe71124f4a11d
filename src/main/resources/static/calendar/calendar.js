// The calendar page: a year as a month grid; for the congress office and administrators, entering the State
// Council's arrangement (pasted notice, pasted or uploaded JSON), previewing what it moves, applying and reverting.
// Everything goes through /api/calendar with the webapps' session; the server checks every rule again.
'use strict';

(function () {
  const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  const ACTIONS = { IMPORTED: '从文件导入', CHANGED: '录入修改', REVERTED: '恢复早先版本' };
  const state = { year: null, maintainer: false, current: null, pending: null };

  const $ = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === 'className') {
        node.className = value;
      } else {
        node.setAttribute(key, value);
      }
    });
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : String(child));
      }
    });
    return node;
  }

  async function api(method, path, body) {
    // the API takes state-changing requests of a webapp session only with X-Requested-With (CSRF), and answers a
    // request without a session with 401 but no browser password dialog when it is there
    const options = { method, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((json && (json.detailZh || json.detail)) || ('HTTP ' + response.status));
      error.status = response.status;
      error.problem = json;
      throw error;
    }
    return json;
  }

  // --- dates ----------------------------------------------------------------------------------------------------

  function iso(year, month, day) {
    return year + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0');
  }

  function weekday(date) {
    const [y, m, d] = date.split('-').map(Number);
    return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  }

  function dayText(date) {
    const [y, m, d] = date.split('-').map(Number);
    return y + '年' + m + '月' + d + '日（' + WEEKDAYS[weekday(date)] + '）';
  }

  function timeText(instant) {
    return instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
  }

  // --- the month grid -------------------------------------------------------------------------------------------

  /** The days of an arrangement in either accepted shape, for showing only (the server checks it). */
  function daysOf(arrangement) {
    const days = { holidays: {}, workdays: {} };
    const list = Array.isArray(arrangement) ? arrangement : (arrangement && arrangement.days) || [];
    list.forEach((day) => {
      if (day && day.date) {
        const kind = String(day.kind || '').toUpperCase() === 'WORKDAY' ? 'workdays' : 'holidays';
        days[kind][day.date] = day.name || '';
      }
    });
    if (arrangement && !Array.isArray(arrangement)) {
      Object.assign(days.holidays, arrangement.holidays || {});
      Object.assign(days.workdays, arrangement.workdays || {});
    }
    return days;
  }

  function renderGrid(container, year, days, before) {
    container.replaceChildren();
    for (let month = 1; month <= 12; month++) {
      const rows = [];
      let row = [];
      const first = weekday(iso(year, month, 1));
      for (let i = 0; i < first; i++) {
        row.push(el('td'));
      }
      const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
      for (let day = 1; day <= length; day++) {
        const date = iso(year, month, day);
        const kind = date in days.holidays ? 'holiday' : date in days.workdays ? 'workday' : null;
        const classes = ['day'];
        let title = dayText(date);
        if (kind) {
          classes.push(kind);
          title += ' ' + (kind === 'holiday' ? '放假' : '调休上班')
              + ((kind === 'holiday' ? days.holidays[date] : days.workdays[date]) ? '：'
                + (kind === 'holiday' ? days.holidays[date] : days.workdays[date]) : '');
        } else if (weekday(date) >= 5) {
          classes.push('weekend');
        }
        if (before) {
          const was = date in before.holidays ? 'holiday' : date in before.workdays ? 'workday' : null;
          if (was !== kind) {
            classes.push('changed');
            title += '（变化）';
          }
        }
        row.push(el('td', {}, el('span', { className: classes.join(' '), title, 'data-date': date }, day)));
        if (row.length === 7) {
          rows.push(el('tr', {}, row));
          row = [];
        }
      }
      if (row.length) {
        rows.push(el('tr', {}, row));
      }
      container.append(el('div', { className: 'month' }, el('h4', {}, month + '月'),
          el('table', {}, el('thead', {}, el('tr', {}, WEEKDAYS.map((w) => el('th', {}, w.slice(1))))),
              el('tbody', {}, rows))));
    }
  }

  // --- showing a year -------------------------------------------------------------------------------------------

  async function showYear(year) {
    state.year = year;
    state.pending = null;
    hide('preview-result', 'errors', 'notes');
    $('year-title').textContent = year + ' 年';
    document.querySelectorAll('.year-number').forEach((node) => { node.textContent = year; });
    const current = await api('GET', '/api/calendar/' + year);
    state.current = current;
    const holidays = Object.keys(current.holidays).length;
    const workdays = Object.keys(current.workdays).length;
    $('year-status').textContent = current.covered
      ? '第 ' + current.version + ' 版：放假 ' + holidays + ' 天，调休上班 ' + workdays + ' 天。'
        + (current.changedBy ? '由 ' + current.changedBy + ' 于 ' + timeText(current.changedAt) + ' 录入' : '')
        + (current.source ? '（来源：' + current.source + '）' : '') + '。'
      : '尚无 ' + year + ' 年的节假日安排：该年的期限只按周末计算，春节等节假日和调休上班日都未计入。';
    renderGrid($('grid'), year, current);
    if (state.maintainer) {
      await showHistory(year);
    }
  }

  async function showHistory(year) {
    const versions = await api('GET', '/api/calendar/' + year + '/versions');
    const body = $('versions').querySelector('tbody');
    body.replaceChildren();
    versions.forEach((version, index) => {
      const revert = index === 0 ? '当前版本'
        : el('button', { type: 'button', 'data-version': version.version }, '恢复到此版本');
      body.append(el('tr', {}, el('td', {}, '第 ' + version.version + ' 版'),
          el('td', {}, ACTIONS[version.action] + (version.action === 'REVERTED'
            ? (version.revertedTo === 0 ? '（无数据）' : '（第 ' + version.revertedTo + ' 版）') : '')),
          el('td', {}, version.changedBy), el('td', {}, timeText(version.changedAt)),
          el('td', {}, version.summary || ''), el('td', {}, version.movedDeadlines), el('td', {}, revert)));
    });
    if (!versions.length) {
      body.append(el('tr', {}, el('td', { colspan: 7 }, '该年尚未录入过。')));
    }
    if (versions.length && versions[0].holidays + versions[0].workdays > 0) {
      body.append(el('tr', {}, el('td', { colspan: 6 }, '恢复为无数据（该年只按周末计算）'),
          el('td', {}, el('button', { type: 'button', 'data-version': 0 }, '恢复为无数据'))));
    }
    show('history');
  }

  // --- entering, previewing, applying ---------------------------------------------------------------------------

  function readJson() {
    const text = $('json').value.trim();
    if (!text) {
      throw new Error('请先粘贴或上传 JSON，或解析通知原文。');
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new Error('JSON 格式有误：' + e.message);
    }
  }

  async function parseNotice() {
    const reading = await api('POST', '/api/calendar/' + state.year + '/notice', { text: $('notice').value });
    $('json').value = JSON.stringify({ source: reading.source, holidays: reading.holidays,
      workdays: reading.workdays }, null, 2);
    const notes = $('notes');
    notes.replaceChildren(...reading.notes.map((note) => el('li', {}, note)));
    notes.hidden = reading.notes.length === 0;
  }

  async function preview() {
    const arrangement = readJson();
    const result = await api('POST', '/api/calendar/' + state.year + '/preview', arrangement);
    state.pending = { kind: 'put', body: arrangement, basedOn: result.basedOn };
    showPreview('预览：' + state.year + ' 年的新安排', result, daysOf(arrangement));
  }

  async function previewRevert(version) {
    const result = await api('POST', '/api/calendar/' + state.year + '/revert/preview', { version });
    state.pending = { kind: 'revert', version, basedOn: result.basedOn };
    const days = version === 0 ? { holidays: {}, workdays: {} }
      : await api('GET', '/api/calendar/' + state.year + '/versions/' + version);
    showPreview(version === 0 ? '预览：恢复为无数据' : '预览：恢复到第 ' + version + ' 版', result, days);
  }

  function showPreview(title, result, days) {
    $('preview-title').textContent = title;
    const changes = result.changes;
    const parts = [];
    const list = (label, items) => {
      if (items.length) {
        parts.push(label + ' ' + items.map((day) => dayText(day.date)).join('、'));
      }
    };
    list('新增放假', changes.holidaysAdded);
    list('取消放假', changes.holidaysRemoved);
    list('新增调休上班', changes.workdaysAdded);
    list('取消调休上班', changes.workdaysRemoved);
    list('更改名称', changes.renamed);
    $('changes').textContent = parts.length ? parts.join('；') + '。' : '与当前安排相同，应用不会改变任何内容。';
    renderGrid($('preview-grid'), state.year, days, state.current);
    $('move-count').textContent = result.moves.length + ' 项';
    const body = $('moves').querySelector('tbody');
    body.replaceChildren(...result.moves.map((move) => el('tr', {}, el('td', {}, move.proposal),
        el('td', {}, move.stepName), el('td', {}, move.deadline), el('td', {}, dayText(move.from)),
        el('td', {}, dayText(move.to)))));
    if (!result.moves.length) {
      body.append(el('tr', {}, el('td', { colspan: 5 }, '没有需要调整的期限。')));
    }
    hide('result');
    show('preview-result');
    $('preview-result').scrollIntoView({ behavior: 'smooth' });
  }

  async function apply() {
    const pending = state.pending;
    if (!pending) {
      return;
    }
    const outcome = pending.kind === 'put'
      ? await api('PUT', '/api/calendar/' + state.year + '?basedOn=' + pending.basedOn, pending.body)
      : await api('POST', '/api/calendar/' + state.year + '/revert', { version: pending.version,
        basedOn: pending.basedOn });
    const year = state.year;
    await showYear(year);
    await showOverview();
    $('result').textContent = outcome.changed
      ? year + ' 年安排已应用（第 ' + outcome.version.version + ' 版），调整了 ' + outcome.moves.length + ' 个期限。'
      : '安排与当前相同，没有任何改动。';
    show('result');
  }

  // --- page ---------------------------------------------------------------------------------------------------

  async function showOverview() {
    const overview = await api('GET', '/api/calendar');
    const attention = $('attention');
    if (overview.missingYears.length) {
      attention.textContent = '尚未录入 ' + overview.missingYears.join('、') + ' 年的节假日安排：这些年份的期限目前只按周末计算。'
          + (state.maintainer ? '国务院办公厅公布后，请在下方录入并应用。' : '请联系县人大常委会办公室录入。');
      show('attention');
    } else {
      hide('attention');
    }
    return overview;
  }

  function show(...ids) {
    ids.forEach((id) => { $(id).hidden = false; });
  }

  function hide(...ids) {
    ids.forEach((id) => { $(id).hidden = true; });
  }

  function failed(error) {
    const box = $('errors');
    const errors = (error.problem && error.problem.errors) || [];
    box.replaceChildren(el('p', {}, error.message),
        errors.length ? el('ul', {}, errors.map((e) => el('li', {}, e.messageZh + '（' + e.field + '）'))) : null);
    show('errors');
    box.scrollIntoView({ behavior: 'smooth' });
  }

  function guarded(action) {
    return async (event) => {
      hide('errors');
      try {
        await action(event);
      } catch (error) {
        failed(error);
      }
    };
  }

  async function start() {
    let me;
    try {
      me = await api('GET', '/api/me');
    } catch (error) {
      if (error.status === 401) {
        show('login');
        return;
      }
      throw error;
    }
    const groups = me.groups.map((group) => group.id);
    state.maintainer = groups.includes('congress-office') || groups.includes('camunda-admin');
    $('who').textContent = me.name + '（' + me.id + '）';
    const overview = await showOverview();
    const thisYear = Number(overview.today.slice(0, 4));
    show('year-view');
    if (state.maintainer) {
      show('maintain');
    }
    await showYear(overview.missingYears.length ? overview.missingYears[0] : thisYear);

    $('prev').addEventListener('click', guarded(() => showYear(state.year - 1)));
    $('next').addEventListener('click', guarded(() => showYear(state.year + 1)));
    $('parse').addEventListener('click', guarded(parseNotice));
    $('preview').addEventListener('click', guarded(preview));
    $('apply').addEventListener('click', guarded(apply));
    $('cancel').addEventListener('click', () => { state.pending = null; hide('preview-result'); });
    $('load-current').addEventListener('click', () => {
      $('json').value = JSON.stringify({ source: state.current.source || undefined,
        holidays: state.current.holidays, workdays: state.current.workdays }, null, 2);
    });
    $('file').addEventListener('change', guarded(async (event) => {
      const file = event.target.files[0];
      if (file) {
        $('json').value = await file.text();
      }
    }));
    $('versions').addEventListener('click', guarded(async (event) => {
      const button = event.target.closest('button[data-version]');
      if (button) {
        await previewRevert(Number(button.getAttribute('data-version')));
      }
    }));
  }

  document.addEventListener('DOMContentLoaded', () => { start().catch(failed); });
}());
