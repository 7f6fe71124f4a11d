// 纸质文件: the congress office's intake of paper proposals, the government office's bulk assignment, the agencies'
// assignment notices and everyone's export, on the API behind the webapps' login (the same session as Tasklist).
(function () {
  'use strict';

  const SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const $ = (id) => document.getElementById(id);
  const show = (id) => { $(id).hidden = false; };
  const hide = (id) => { $(id).hidden = true; };

  // state-changing requests of a webapp session need X-Requested-With (the API's CSRF rule)
  async function request(method, path, body, contentType) {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (contentType) {
      headers['Content-Type'] = contentType;
    }
    const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      const error = new Error((json && (json.detailZh || json.detail)) || ('HTTP ' + response.status));
      error.status = response.status;
      error.problem = json;
      throw error;
    }
    return { json, location: response.headers.get('Location') };
  }

  function session() {
    return $('session').value.trim();
  }

  function query(params) {
    return Object.entries(params).map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');
  }

  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) {
      node.className = className;
    }
    return node;
  }

  /** A table of refused rows: row, register number or case number, every reason in Chinese. */
  function refusals(rows, keyLabel, key) {
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    ['行', keyLabel, '原因'].forEach((label) => head.appendChild(text('th', label)));
    const body = table.createTBody();
    rows.forEach((row) => {
      const line = body.insertRow();
      line.appendChild(text('td', String(row.row)));
      line.appendChild(text('td', key(row) == null ? '' : String(key(row))));
      line.appendChild(text('td', (row.errors || []).map((e) => e.messageZh).join('；')));
    });
    return table;
  }

  function problem(target, error) {
    const box = $(target);
    box.replaceChildren(text('p', error.message, 'summary refused'));
    const errors = (error.problem && error.problem.errors) || [];
    if (errors.length) {
      const list = document.createElement('ul');
      errors.forEach((e) => list.appendChild(text('li', e.messageZh)));
      box.appendChild(list);
    }
    box.hidden = false;
  }

  // --- intake ---------------------------------------------------------------------------------------------------

  async function uploadIntake() {
    const file = $('intake-file').files[0];
    const mode = $('intake-per-row').checked ? 'PER_ROW' : 'ALL_OR_NOTHING';
    $('intake-upload').disabled = true;
    hide('intake-result');
    try {
      const started = await request('POST', '/api/paper/intake?' + query({ session: session(), mode }), file, SHEET);
      show('intake-progress');
      let job = started.json;
      while (job.status === 'RUNNING') {
        progress(job);
        await new Promise((resolve) => setTimeout(resolve, 700));
        job = (await request('GET', started.location)).json;
      }
      progress(job);
      intakeReport(job);
    } catch (error) {
      problem('intake-result', error);
    } finally {
      $('intake-upload').disabled = !$('intake-file').files.length;
    }
  }

  function progress(job) {
    $('intake-bar').max = Math.max(job.total, 1);
    $('intake-bar').value = job.processed;
    $('intake-count').textContent = '已处理 ' + job.processed + ' / ' + job.total + ' 行';
  }

  function intakeReport(job) {
    const box = $('intake-result');
    box.replaceChildren();
    if (job.status === 'FAILED') {
      box.appendChild(text('p', job.messageZh || '登记失败', 'summary refused'));
    } else {
      const ok = job.refused === 0;
      box.appendChild(text('p', '新登记 ' + job.created + ' 件，已登记过而跳过 ' + job.skipped + ' 件，有误 '
          + job.refused + ' 行' + (ok ? '。' : (job.mode === 'ALL_OR_NOTHING' ? '：整个文件未登记，请修改后重新上传。'
          : '：其余各行已登记。')), 'summary ' + (ok ? 'ok' : 'refused')));
      const refused = job.rows.filter((row) => row.outcome === 'REFUSED');
      if (refused.length) {
        box.appendChild(refusals(refused, '登记号', (row) => row.registerNumber));
      }
    }
    box.hidden = false;
  }

  // --- bulk assignment ------------------------------------------------------------------------------------------

  async function uploadAssignment() {
    const file = $('assignment-file').files[0];
    $('assignment-upload').disabled = true;
    hide('assignment-result');
    try {
      const report = (await request('POST', '/api/paper/assignment?' + query({ session: session() }), file,
          SHEET)).json;
      const box = $('assignment-result');
      box.replaceChildren(text('p', '共 ' + report.rows + ' 行：已交办 ' + report.assigned + ' 件，未交办 '
          + report.refused + ' 件。', 'summary ' + (report.refused ? 'refused' : 'ok')));
      const refused = report.outcomes.filter((row) => row.outcome !== 'ASSIGNED');
      if (refused.length) {
        box.appendChild(refusals(refused, '案号', (row) => row.caseNumber));
      }
      box.hidden = false;
    } catch (error) {
      problem('assignment-result', error);
    } finally {
      $('assignment-upload').disabled = !$('assignment-file').files.length;
    }
  }

  // --- links ----------------------------------------------------------------------------------------------------

  function links() {
    const s = session();
    $('intake-template').href = '/api/paper/intake/template.xlsx?' + query({ session: s });
    $('assignment-template').href = '/api/paper/assignment/template.xlsx?' + query({ session: s });
    $('export-link').href = '/api/proposals/export.xlsx?' + query({ session: s });
    $('notice-link').href = '/api/paper/assignment/notice.pdf?' + query({ session: s,
      agency: $('notice-agency').value, date: $('notice-date').value });
  }

  async function start() {
    let me;
    try {
      me = (await request('GET', '/api/me')).json;
    } catch (error) {
      if (error.status === 401) {
        show('login');
        return;
      }
      throw error;
    }
    const groups = me.groups.map((group) => group.id);
    const office = (id) => groups.includes(id) || groups.includes('camunda-admin');
    $('who').textContent = me.name + '（' + me.id + '）';
    const today = new Date();
    $('session').value = String(today.getFullYear());
    $('notice-date').value = today.toISOString().slice(0, 10);
    const agencies = office('congress-office') || office('gov-office')
      ? (await request('GET', '/api/agencies')).json : me.agencies;
    agencies.forEach((agency) => {
      const option = text('option', agency.name);
      option.value = agency.code;
      $('notice-agency').appendChild(option);
    });
    show('session-bar');
    show('export');
    if (office('congress-office')) {
      show('intake');
    }
    if (office('gov-office')) {
      show('assignment');
    }
    if (agencies.length) {
      show('notice');
    }
    ['session', 'notice-agency', 'notice-date'].forEach((id) => $(id).addEventListener('input', links));
    $('notice-agency').addEventListener('change', links);
    links();
    $('intake-file').addEventListener('change', () => { $('intake-upload').disabled = !$('intake-file').files.length; });
    $('assignment-file').addEventListener('change',
        () => { $('assignment-upload').disabled = !$('assignment-file').files.length; });
    $('intake-upload').addEventListener('click', uploadIntake);
    $('assignment-upload').addEventListener('click', uploadAssignment);
  }

  start().catch((error) => {
    $('errors').textContent = '页面加载失败：' + error.message;
    show('errors');
  });
})();
