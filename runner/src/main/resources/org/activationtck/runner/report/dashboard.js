/* The conformance dashboard: grid, filters and cell details, built from conformance.json's data. */
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var DATA = TCK.data();
  var VERDICTS = ['strict', 'libm', 'framework', 'unsettled', 'no', 'not implemented'];
  var CLS = { strict: 'v-strict', libm: 'v-libm', framework: 'v-framework', unsettled: 'v-unsettled', no: 'v-no', 'not implemented': 'v-ni' };
  var adapters = DATA.adapters || [];
  var functions = [], dtypes = [], cells = {};
  adapters.forEach(function (a) {
    (a.matrix || []).forEach(function (r) {
      if (functions.indexOf(r['function']) < 0) functions.push(r['function']);
      if (dtypes.indexOf(r.dtype) < 0) dtypes.push(r.dtype);
      cells[a.adapter + '|' + r['function'] + '|' + r.dtype + '|' + r.derivative] = r;
    });
  });
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function options(id, values, label) {
    var s = document.getElementById(id);
    values.forEach(function (v) { s.appendChild(el('option', { value: v }, label ? label(v) : v)); });
    s.addEventListener('change', render);
  }
  options('f-library', adapters.map(function (a) { return a.adapter; }));
  options('f-function', functions);
  options('f-dtype', dtypes);
  options('f-verdict', VERDICTS);
  document.getElementById('f-of').addEventListener('change', render);
  var legend = document.getElementById('legend');
  VERDICTS.forEach(function (v) {
    legend.appendChild(el('span', { 'class': CLS[v] }, v === 'framework' ? 'framework (fw)' : v === 'not implemented' ? 'not implemented (n/i)' : v));
  });
  function val(id) { return document.getElementById(id).value; }
  function fmt(u) { return u == null ? '-' : u === 'Infinity' ? 'inf' : Number(u) >= 1e6 ? Number(u).toExponential(2) : String(u); }
  function render() {
    var lib = val('f-library'), fn = val('f-function'), dt = val('f-dtype'), of = val('f-of'), ve = val('f-verdict');
    var libs = adapters.filter(function (a) { return !lib || a.adapter === lib; });
    var dts = dtypes.filter(function (d) { return !dt || d === dt; });
    var t = document.getElementById('matrix');
    t.textContent = '';
    var head = el('thead'), h1 = el('tr'), h2 = el('tr');
    h1.appendChild(el('th', { rowspan: '2' }, 'function'));
    libs.forEach(function (a) {
      var th = el('th', { colspan: String(dts.length), title: a.library + ' ' + a.version });
      th.textContent = a.adapter;
      h1.appendChild(th);
      dts.forEach(function (d) { h2.appendChild(el('th', { 'class': 'dia' }, d)); });
    });
    head.appendChild(h1); head.appendChild(h2); t.appendChild(head);
    var body = el('tbody'), shown = 0, rowsShown = 0;
    functions.filter(function (f) { return !fn || f === fn; }).forEach(function (f) {
      [false, true].filter(function (d) { return !of || (of === 'derivative') === d; }).forEach(function (deriv) {
        var tr = el('tr'), any = false;
        tr.appendChild(el('th', {}, f + (deriv ? "'" : '')));
        libs.forEach(function (a) {
          dts.forEach(function (d) {
            var r = cells[a.adapter + '|' + f + '|' + d + '|' + deriv];
            var td = el('td');
            if (!r) { td.className = 'c-none'; tr.appendChild(td); return; }
            var match = !ve || r.conformant === ve;
            td.className = CLS[r.conformant] + (match ? '' : ' dim');
            td.textContent = r.conformant === 'not implemented' ? 'n/i' : r.conformant === 'framework' ? 'fw' : r.conformant;
            var st = r.strict || {};
            td.title = a.adapter + ' ' + f + (deriv ? "'" : '') + ' ' + d + ': ' + r.conformant
              + (st.cases ? ' (strict run: ' + st.failed + ' of ' + st.cases + ' failed, max ' + fmt(st.maxUlps) + ' ulp)' : '');
            td.tabIndex = 0;
            td.dataset.key = a.adapter + '|' + f + '|' + d + '|' + deriv;
            if (match) { any = true; shown++; }
            tr.appendChild(td);
          });
        });
        if (any) { body.appendChild(tr); rowsShown++; }
      });
    });
    t.appendChild(body);
    document.getElementById('f-count').textContent = shown + ' cells in ' + rowsShown + ' rows';
  }
  function details(key) {
    var r = cells[key], parts = key.split('|'), a = adapters.filter(function (x) { return x.adapter === parts[0]; })[0];
    var box = document.getElementById('cell-details');
    box.textContent = '';
    box.hidden = false;
    box.appendChild(el('h3', {}, a.library + ' ' + a.version + ': ' + r['function'] + (r.derivative ? "'" : '') + ' ' + r.dtype));
    var p = el('p'); p.appendChild(el('span', { 'class': 'verdict ' + CLS[r.conformant] }, r.conformant));
    p.appendChild(document.createTextNode(' budgets (ulp): strict ' + r.budgets.strict + ', libm ' + r.budgets.libm
      + ', framework ' + r.budgets.framework));
    box.appendChild(p);
    var t = el('table', { 'class': 'kv' });
    var hr = el('tr');
    ['run', 'cases', 'passed', 'failed', 'not impl.', 'max ulp', 'budget', 'CR %', 'worst input'].forEach(function (h) { hr.appendChild(el('th', {}, h)); });
    t.appendChild(hr);
    ['strict', 'framework'].forEach(function (tier) {
      var s = r[tier];
      if (!s) return;
      var tr = el('tr');
      [tier, s.cases, s.passed, s.failed, s.notImplemented, fmt(s.maxUlps), s.budgetUlps,
        s.percentCorrectlyRounded == null ? '-' : Number(s.percentCorrectlyRounded).toFixed(1), s.worstInput || '']
        .forEach(function (v) { tr.appendChild(el('td', {}, String(v))); });
      t.appendChild(tr);
    });
    box.appendChild(t);
    if (r.diagnosis) box.appendChild(el('p', { 'class': 'diagnosis' }, 'Diagnosis' + (r.diagnosis.heuristic ? ' (heuristic)' : '') + ': ' + r.diagnosis.summary));
    if (r.reproducer) {
      var x = r.reproducer;
      box.appendChild(el('p', {}, 'Reproducer (' + x['case'] + ', dialect ' + x.dialect + '): input ' + x.input
        + ', expected ' + x.expected + ', got ' + (x.actual == null ? 'no result' : x.actual) + ': ' + x.reason));
      var c = el('div', { 'class': 'repro' });
      c.appendChild(el('code', { 'class': 'cmd' }, x.oracle));
      c.appendChild(el('button', { type: 'button', 'class': 'copy' }, 'copy'));
      box.appendChild(c);
    }
    box.scrollIntoView({ block: 'nearest' });
    if (a.findingsLink) {
      var fp = el('p'); fp.appendChild(el('a', { href: a.findingsLink }, a.adapter + '/FINDINGS.md'));
      fp.appendChild(document.createTextNode(': what was found in ' + a.library + ', with sources'));
      box.appendChild(fp);
    }
  }
  document.getElementById('matrix').addEventListener('click', function (e) {
    var td = e.target.closest('td[data-key]');
    if (td) { details(td.dataset.key); history.replaceState(null, '', '#cell=' + encodeURIComponent(td.dataset.key)); }
  });
  document.getElementById('matrix').addEventListener('keydown', function (e) {
    var td = e.target.closest('td[data-key]');
    if (td && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); details(td.dataset.key); }
  });
  var libs = document.getElementById('libs');
  var lh = el('tr');
  ['adapter', 'library', 'coordinates', 'status'].concat(VERDICTS).forEach(function (h) { lh.appendChild(el('th', {}, h)); });
  libs.appendChild(lh);
  adapters.forEach(function (a) {
    var tr = el('tr');
    [a.adapter, a.library + ' ' + a.version, a.coordinates, a.status].concat(VERDICTS.map(function (v) { return a.rows ? a.rows[v] : ''; }))
      .forEach(function (v) { tr.appendChild(el('td', {}, v == null ? '' : String(v))); });
    libs.appendChild(tr);
  });
  TCK.copyButtons(document.body);
  render();
  /* #cell=adapter|function|dtype|derivative opens that cell's details: a link to one row */
  var m = /^#cell=(.*)$/.exec(location.hash);
  if (m && cells[decodeURIComponent(m[1])]) details(decodeURIComponent(m[1]));
});
