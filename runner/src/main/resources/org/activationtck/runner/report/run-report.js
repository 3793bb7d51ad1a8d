/* The run report: plots drawn when their row is open, rows opened by links, copy buttons. */
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var DATA = TCK.data();
  var SHAPES = { ulps: 'circle', special_value: 'square', signed_zero: 'up', kink_convention: 'diamond',
    position_dependent: 'down', not_a_dtype_value: 'plus', no_result: 'cross' };
  var series = [{ label: 'passed', shape: 'dot', color: '#3a9a3a' }];
  DATA.kinds.forEach(function (k) {
    series.push({ label: k.description + ' (not listed)', shape: SHAPES[k.id] || 'circle', color: '#c62828' });
    series.push({ label: k.description + ' (known)', shape: SHAPES[k.id] || 'circle', color: '#e08a00', hollow: true });
  });
  function draw(details) {
    var el = details.querySelector('.plot');
    if (!el || el.dataset.drawn) return;
    var p = DATA.plots[el.dataset.row];
    if (!p) return;
    el.dataset.drawn = '1';
    TCK.scatter(el, p, series, 'x');
  }
  document.querySelectorAll('details.row').forEach(function (d) {
    if (d.open) draw(d);
    d.addEventListener('toggle', function () { if (d.open) draw(d); });
  });
  function openHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var d = id && document.getElementById(id);
    if (d && d.tagName === 'DETAILS') { d.open = true; draw(d); d.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openHash);
  openHash();
  TCK.copyButtons(document.body);
});
