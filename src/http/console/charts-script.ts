/**
 * The console's chart script (/console/assets/charts.js): reads the page's JSON data block and draws
 * with the global `echarts` from /console/assets/echarts.min.js. Plain ES2017, no build step; every
 * label comes localized in the data. Charts follow the width of their card (phone or desktop).
 */
export const chartsScript = `(function () {
  'use strict';
  var block = document.getElementById('chart-data');
  if (!block || typeof echarts === 'undefined') return;
  var d = JSON.parse(block.textContent);
  var L = d.labels;
  var charts = [];
  // Tooltips are HTML: names typed by people are escaped before they reach one.
  function esc(text) { return String(text).replace(/[&<>"']/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; }); }
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    charts.push(chart);
    el.setAttribute('data-drawn', 'true');
  }
  var grid = { left: 40, right: 16, top: 48, bottom: 48, containLabel: true };
  var short = d.dates.map(function (x) { return x.slice(5); });
  draw('chart-visits', {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: short },
    yAxis: { type: 'value', minInterval: 1 },
    series: d.visitsPerDay.map(function (s) { return { name: s.name, type: 'bar', stack: 'visits', data: s.data }; })
  });
  draw('chart-coverage', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: d.coverage.map(function (c) { return c.tier; }) },
    yAxis: { type: 'value', minInterval: 1 },
    color: ['#2e7d32', '#d97706'],
    series: [
      { name: L.within, type: 'bar', stack: 'c', data: d.coverage.map(function (c) { return c.within; }) },
      { name: L.overdue, type: 'bar', stack: 'c', data: d.coverage.map(function (c) { return c.overdue; }) }
    ]
  });
  draw('chart-punctuality', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: grid,
    xAxis: { type: 'category', data: short },
    yAxis: { type: 'value', minInterval: 1 },
    color: ['#2e7d32', '#d97706', '#b91c1c'],
    series: [
      { name: L.in, type: 'bar', stack: 'r', data: d.punctuality.map(function (p) { return p.in; }) },
      { name: L.late, type: 'bar', stack: 'r', data: d.punctuality.map(function (p) { return p.late; }) },
      { name: L.missing, type: 'bar', stack: 'r', data: d.punctuality.map(function (p) { return p.missing; }) }
    ]
  });
  var plotEl = document.getElementById('chart-plot');
  var lines = d.plot.checkIns.filter(function (c) { return c.customerLat !== null; }).map(function (c) {
    return { coords: [[c.lng, c.lat], [c.customerLng, c.customerLat]] };
  });
  var colours = { verified: '#2e7d32', outside: '#d97706', unverified: '#6b7280' };
  // Axis ends around every point, never narrower than ~200 m: points that share a longitude (one
  // customer and its check-ins) otherwise leave ECharts a zero span, and it drew 40 to 180 degrees.
  function span(values) {
    if (values.length === 0) return {};
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var pad = Math.max((hi - lo) * 0.1, 0.002);
    return { min: Math.floor((lo - pad) * 1e4) / 1e4, max: Math.ceil((hi + pad) * 1e4) / 1e4 };
  }
  var points = d.plot.customers.concat(d.plot.checkIns);
  draw('chart-plot', {
    tooltip: { trigger: 'item', formatter: function (p) { var v = p.data && p.data.info; return v ? esc(v) : ''; } },
    legend: { top: 0 },
    grid: grid,
    xAxis: Object.assign({ type: 'value', scale: true, name: 'lng', axisLabel: { hideOverlap: true, rotate: plotEl && plotEl.clientWidth < 500 ? 45 : 0 } }, span(points.map(function (p) { return p.lng; }))),
    yAxis: Object.assign({ type: 'value', scale: true, name: 'lat', axisLabel: { hideOverlap: true } }, span(points.map(function (p) { return p.lat; }))),
    series: [
      { name: L.customers, type: 'scatter', symbolSize: 10, itemStyle: { color: '#0b57d0' },
        data: d.plot.customers.map(function (c) { return { value: [c.lng, c.lat], info: c.name }; }) },
      { name: L.checkIns, type: 'scatter', symbol: 'path://M0,0L10,10M10,0L0,10', symbolSize: 12,
        itemStyle: { borderWidth: 3, borderColor: '#b91c1c', color: '#b91c1c' },
        data: d.plot.checkIns.map(function (c) {
          return { value: [c.lng, c.lat], itemStyle: { borderColor: colours[c.status] || '#6b7280' },
            info: c.person + ' → ' + c.customer + ': ' + (L.statuses[c.status] || c.status) + (c.distanceM === null ? '' : ' (' + c.distanceM + ' m)') };
        }) },
      { name: L.checkIns, type: 'lines', coordinateSystem: 'cartesian2d', polyline: false, silent: true,
        lineStyle: { color: '#6b7280', type: 'dashed', width: 1 }, data: lines }
    ]
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
`;
