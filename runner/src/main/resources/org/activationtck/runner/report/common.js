/* activation-tck pages: shared plotting and page helpers (uPlot is loaded before this). */
var TCK = (function () {
  'use strict';
  var MAXD = 1.7976931348623157e308;
  var charts = [];
  var L1 = Math.log10(1e4 / 20), L2 = Math.log10(MAXD / 1e4);
  /* x position in [-1, 1]: linear to 20, log to 1e4, log to the largest double (HtmlReport.tx). */
  function tx(x) {
    var a = Math.min(Math.abs(x), MAXD), t;
    if (a <= 20) t = 0.35 * a / 20;
    else if (a <= 1e4) t = 0.35 + 0.30 * Math.log10(a / 20) / L1;
    else t = 0.65 + 0.35 * Math.log10(a / 1e4) / L2;
    return x < 0 ? -t : t;
  }
  var XT = [0, 10, 20, 100, 1e3, 1e4, 1e100, 1e200, MAXD];
  var XTICKS = [];
  XT.slice(1).reverse().forEach(function (v) { XTICKS.push(-v); });
  XT.forEach(function (v) { XTICKS.push(v); });
  function xlabel(v) {
    var a = Math.abs(v), s;
    if (a === MAXD) s = '1.8e308';
    else if (a >= 1e3) s = '1e' + Math.round(Math.log10(a));
    else s = String(a);
    return (v < 0 ? '\u2212' : '') + s;
  }
  function ty(u) { return Math.log10(1 + u); }
  function ulpLabel(d) { return d <= 3 ? String(Math.pow(10, d)) : '1e' + d; }
  /* A mark per failure kind, centred at (cx, cy), radius r. */
  function mark(p, shape, cx, cy, r) {
    switch (shape) {
      case 'square': p.rect(cx - r, cy - r, 2 * r, 2 * r); break;
      case 'up': p.moveTo(cx, cy - r); p.lineTo(cx + r, cy + r); p.lineTo(cx - r, cy + r); p.closePath(); break;
      case 'down': p.moveTo(cx - r, cy - r); p.lineTo(cx + r, cy - r); p.lineTo(cx, cy + r); p.closePath(); break;
      case 'diamond': p.moveTo(cx, cy - r); p.lineTo(cx + r, cy); p.lineTo(cx, cy + r); p.lineTo(cx - r, cy); p.closePath(); break;
      case 'plus': p.moveTo(cx - r, cy); p.lineTo(cx + r, cy); p.moveTo(cx, cy - r); p.lineTo(cx, cy + r); break;
      case 'cross': p.moveTo(cx - r, cy - r); p.lineTo(cx + r, cy + r); p.moveTo(cx + r, cy - r); p.lineTo(cx - r, cy + r); break;
      default: p.moveTo(cx + r, cy); p.arc(cx, cy, r, 0, 2 * Math.PI);
    }
  }
  function marks(shape, r) {
    return function (u, si, i0, i1) {
      var p = new Path2D(), xs = u.data[0], ys = u.data[si], rr = r * devicePixelRatio;
      for (var i = i0; i <= i1; i++) {
        if (ys[i] == null) continue;
        var cx = u.valToPos(xs[i], 'x', true), cy = u.valToPos(ys[i], 'y', true);
        if (shape === 'plus' || shape === 'cross' || shape === 'circle' || shape === 'dot') p.moveTo(cx + rr, cy);
        mark(p, shape === 'dot' ? 'circle' : shape, cx, cy, rr);
      }
      return { stroke: p, fill: p, clip: null, band: null, gaps: null, flags: 0 };
    };
  }
  /*
   * A scatter of ulps against x. p: {x: [], u: [] (-1: not an ulp count), s: [] series index,
   * budget}; series: [{label, shape, color, hollow}].
   */
  function scatter(el, p, series, xname) {
    var n = p.x.length, idx = [];
    for (var i = 0; i < n; i++) idx.push(i);
    idx.sort(function (a, b) { return p.x[a] - p.x[b]; });
    var maxU = Math.max(1, p.budget);
    p.u.forEach(function (u) { if (u > maxU) maxU = u; });
    var top = Math.max(1, Math.ceil(Math.log10(1 + maxU)));
    var band = top + 1;
    var data = [idx.map(function (i) { return tx(p.x[i]); })];
    var used = [];
    series.forEach(function (s, k) {
      var col = idx.map(function (i) { return p.s[i] === k ? (p.u[i] < 0 ? band : ty(p.u[i])) : null; });
      if (col.some(function (v) { return v != null; })) { data.push(col); used.push(k); }
    });
    /* ticks: 0, then 1, 10, 100, ... (every step-th decade), then the band of other kinds */
    var ysplits = [0], ylabels = ['0'];
    var step = top > 12 ? Math.ceil(top / 8) : 1;
    for (var d = 0; d <= top; d += step) { ysplits.push(ty(Math.pow(10, d))); ylabels.push(ulpLabel(d)); }
    ysplits.push(band); ylabels.push('other');
    var xsplits = XTICKS.map(tx);
    var useries = [{ label: xname || 'x', value: function (u, v, si, di) { return di == null ? '' : String(p.x[idx[di]]); } }];
    used.forEach(function (k) {
      var s = series[k];
      useries.push({
        label: s.label, stroke: s.color, fill: s.hollow ? 'rgba(0,0,0,0)' : s.color, width: s.hollow ? 1.5 : 1,
        paths: marks(s.shape, s.shape === 'dot' ? 2 : 3.5), points: { show: false },
        value: function (u, v, si, di) { if (di == null || v == null) return ''; var uu = p.u[idx[di]]; return uu < 0 ? 'not an ulp count' : uu + ' ulp'; }
      });
    });
    var width = Math.max(360, Math.min(1100, (el.clientWidth || 900)));
    var opts = {
      width: width, height: 280,
      scales: { x: { time: false, range: [-1.03, 1.03] }, y: { range: [0, band + 0.5] } },
      axes: [
        { label: 'x (linear to \u00b120, logarithmic to \u00b11e4 and on to the largest double)', labelSize: 24,
          splits: function () { return xsplits; },
          values: function (u, sp) { return sp.map(function (v, i) { return xlabel(XTICKS[i]); }); } },
        { label: 'error (ulps, log scale)', labelSize: 24, size: 60,
          splits: function () { return ysplits; },
          values: function () { return ylabels; } }
      ],
      series: useries,
      hooks: { draw: [function (u) {
        var y = u.valToPos(ty(p.budget), 'y', true), c = u.ctx;
        c.save(); c.strokeStyle = '#b36b00'; c.setLineDash([6, 4]); c.lineWidth = 1.5 * devicePixelRatio;
        c.beginPath(); c.moveTo(u.bbox.left, y); c.lineTo(u.bbox.left + u.bbox.width, y); c.stroke();
        c.setLineDash([]); c.fillStyle = '#b36b00'; c.font = (11 * devicePixelRatio) + 'px sans-serif';
        var label = 'budget ' + p.budget + ' ulp';
        c.textAlign = 'right';
        c.fillText(label, u.bbox.left + u.bbox.width - 4 * devicePixelRatio, y - 4 * devicePixelRatio);
        c.restore();
      }] }
    };
    var chart = new uPlot(opts, data, el);
    charts.push(chart);
    if (p.notPlotted > 0) {
      var note = document.createElement('div');
      note.className = 'unplotted';
      note.textContent = p.notPlotted + ' failing inputs are NaN or \u00b1Infinity and are not plotted (see the table).';
      el.appendChild(note);
    }
    return chart;
  }
  function copyButtons(root) {
    root.addEventListener('click', function (e) {
      var b = e.target;
      if (!b.classList || !b.classList.contains('copy')) return;
      var code = b.parentNode.querySelector('code.cmd');
      var text = code.textContent;
      function done(ok) { b.textContent = ok ? 'copied' : 'select and copy'; setTimeout(function () { b.textContent = 'copy'; }, 1500); }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(code)); });
      } else {
        done(fallback(code));
      }
    });
    function fallback(code) {
      var r = document.createRange(); r.selectNodeContents(code);
      var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
      try { return document.execCommand('copy'); } catch (x) { return false; }
    }
  }
  return { tx: tx, scatter: scatter, charts: charts, copyButtons: copyButtons, data: function () {
    return JSON.parse(document.getElementById('tck-data').textContent);
  } };
})();
