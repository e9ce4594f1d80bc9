/**
 * The location page's script, inlined into the page (no external assets). Written in ES2017
 * without optional chaining so older in-app browsers (DingTalk, WeCom, Slack webviews) run it.
 * It reads its data from the `page-data` JSON block, asks for the position with high accuracy,
 * shows accuracy and distance, and posts the result to the page's own URL.
 */
/**
 * The core's `locationVerdict` (src/core/checkins/evaluate-location.ts) in the page's ES2017, so the
 * page never calls "within the radius" what the server will record as unverified; page-script.test.ts
 * holds the two to the same answers.
 */
export const verdictScript = `function verdict(d, accuracy, radius) {
    if (!(typeof accuracy === 'number' && accuracy > radius)) return d <= radius ? 'verified' : 'outside';
    return d - accuracy > radius ? 'outside' : 'imprecise';
  }`;

export const pageScript = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('page-data').textContent);
  var t = data.t;
  var $ = function (id) { return document.getElementById(id); };
  var api = location.pathname.replace(/[/]+$/, '');
  var position = null;
  var selected = data.customer;
  var customers = data.customers || [];
  var busy = false, done = false, autoPicked = false, seq = 0, searchTimer = 0;

  function fill(s, p) { return s.replace(/[{](\\w+)[}]/g, function (w, k) { return p && k in p ? String(p[k]) : w; }); }
  function meters(v) {
    if (data.lang === 'zh-CN') return v >= 1000 ? (v / 1000).toFixed(1) + ' 公里' : Math.round(v) + ' 米';
    return v >= 1000 ? (v / 1000).toFixed(1) + ' km' : Math.round(v) + ' m';
  }
  function distance(a, b) {
    var r = Math.PI / 180, dLat = (b.lat - a.lat) * r, dLng = (b.lng - a.lng) * r;
    var s1 = Math.sin(dLat / 2), s2 = Math.sin(dLng / 2);
    var h = s1 * s1 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * s2 * s2;
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  ${verdictScript}
  function hasPosition(c) { return c && c.lat !== null && c.lng !== null; }
  function radiusOf(c) { return c && typeof c.radiusMeters === 'number' ? c.radiusMeters : data.radius; }
  function line(id, text, cls) {
    var el = $(id);
    if (!el) return;
    el.textContent = text || '';
    el.hidden = !text;
    if (cls !== undefined) el.className = cls;
  }

  function update() {
    // A customer picked from the list may have its own radius, which the server will judge by.
    var customer = selected, radius = radiusOf(customer);
    if (position) {
      line('accuracy', fill(t.accuracy, { accuracy: meters(position.accuracy) }), 'sub');
      line('accuracy-note', position.accuracy > radius ? fill(t.accuracyPoor, { radius: meters(radius) }) : '', 'warn');
      if (customer && hasPosition(customer)) {
        var d = distance(position, customer);
        var v = verdict(d, position.accuracy, radius);
        line('distance', fill(t.distance, { distance: meters(d), customer: customer.name }), 'big');
        line('radius-note', fill(v === 'verified' ? t.withinRadius : v === 'outside' ? t.outsideRadius : t.impreciseRadius, { radius: meters(radius) }), v === 'verified' ? 'ok' : 'warn');
      } else if (customer) {
        line('distance', '');
        line('radius-note', fill(t.customerNoPosition, { customer: customer.name }), 'warn');
      } else {
        line('distance', '');
        line('radius-note', '');
      }
    }
    var submit = $('submit');
    if (!busy) {
      submit.textContent = customer ? fill(data.action === 'in' ? t.submitIn : t.submitOut, { customer: customer.name }) : t.submitPick;
    }
    submit.disabled = busy || done || !position || !customer;
    $('without').disabled = busy || done;
    $('retry').disabled = busy || done;
  }

  function locate() {
    position = null;
    line('status', t.locating, 'status');
    $('retry').hidden = true;
    update();
    if (!navigator.geolocation) return failed(t.geolocationUnsupported);
    // Geolocation API (MDN: Web/API/Geolocation/getCurrentPosition): WGS-84, accuracy in metres.
    navigator.geolocation.getCurrentPosition(function (p) {
      position = { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy };
      line('status', '');
      $('retry').textContent = t.refresh;
      $('retry').hidden = false;
      update();
      if (data.picker) loadCustomers();
    }, function (err) {
      failed(err.code === 1 ? t.permissionDenied : err.code === 3 ? t.positionTimeout : t.positionUnavailable);
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  }

  function failed(message) {
    line('status', message, 'status bad');
    $('retry').textContent = t.retry;
    $('retry').hidden = false;
    $('without').hidden = false;
    $('without-hint').hidden = false;
    update();
  }

  function renderList() {
    var list = $('list');
    if (!list) return;
    list.textContent = '';
    customers.forEach(function (c) {
      var label = document.createElement('label');
      label.className = 'option';
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'customer';
      input.value = c.id;
      input.checked = Boolean(selected && selected.id === c.id);
      input.addEventListener('change', function () { selected = c; hideError(); update(); });
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = c.name;
      var meta = document.createElement('span');
      meta.className = 'meta';
      if (!hasPosition(c)) meta.textContent = t.pickNoPosition;
      else if (position) meta.textContent = fill(t.pickDistance, { distance: meters(distance(position, c)) });
      label.appendChild(input);
      label.appendChild(name);
      label.appendChild(meta);
      list.appendChild(label);
    });
    $('pick-empty').hidden = customers.length > 0;
  }

  function loadCustomers() {
    var params = [];
    var q = $('search').value.trim();
    if (q) params.push('q=' + encodeURIComponent(q));
    if (position) params.push('lat=' + position.lat, 'lng=' + position.lng);
    var mine = ++seq;
    fetch(api + '/customers' + (params.length ? '?' + params.join('&') : ''), { credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (!body || mine !== seq) return;
        customers = body.customers;
        // A search that hides the chosen customer unchoses it: the button must never name one the
        // rep can no longer see.
        if (selected && !customers.some(function (c) { return c.id === selected.id; })) selected = null;
        var first = customers[0];
        if (!selected && !autoPicked && position && first && first.distanceMeters !== null && first.distanceMeters <= radiusOf(first)) {
          selected = first;
          autoPicked = true;
        }
        renderList();
        update();
      })
      .catch(function () {});
  }

  function hideError() { $('error').hidden = true; }
  function showError(title, message) {
    line('error-title', title || '');
    line('error-message', message || '');
    $('error').hidden = false;
  }

  function finish() {
    done = true;
    $('actions').hidden = true;
    if ($('picker')) $('picker').hidden = true;
  }

  function submit(withoutLocation) {
    if (busy || done) return;
    if (!selected) { showError('', t.pickFirst); return; }
    var body = withoutLocation ? { withoutLocation: true } : { lat: position.lat, lng: position.lng, accuracy: Math.round(position.accuracy * 10) / 10 };
    if (data.picker) body.customerId = selected.id;
    busy = true;
    hideError();
    var button = withoutLocation ? $('without') : $('submit');
    var label = button.textContent;
    button.textContent = data.action === 'in' ? t.submittingIn : t.submittingOut;
    update();
    fetch(api, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { status: res.status, body: json }; }); })
      .then(function (r) {
        busy = false;
        button.textContent = label;
        if (r.body && r.body.ok) return showResult(r.body);
        showError(r.body && r.body.title, r.body && r.body.message ? r.body.message : t.networkError);
        if (r.status === 403 || r.status === 410 || r.status === 409 || (r.body && r.body.error === 'malformed')) finish();
        update();
      })
      .catch(function () {
        busy = false;
        button.textContent = label;
        showError('', t.networkError);
        update();
      });
  }

  function showResult(r) {
    finish();
    // Nothing from before the success stays above it: an old error, a failed position.
    hideError();
    if ($('status').classList.contains('bad')) line('status', '');
    // Without a position fix the position card has nothing left to say; a spent link no validity.
    if (!position) $('position').hidden = true;
    if ($('valid-until')) $('valid-until').hidden = true;
    var box = $('result');
    box.className = 'card result ' + r.status;
    line('result-title', r.headline);
    line('result-message', r.message, 'message');
    line('result-mocked', r.mocked ? (r.managerSees ? t.resultMocked : t.resultMockedRecorded) : '', 'warn');
    line('result-back', r.notified ? t.resultBackToChat : t.backToChat, 'sub');
    box.hidden = false;
    box.focus();
  }

  $('submit').addEventListener('click', function () { submit(false); });
  $('without').addEventListener('click', function () { submit(true); });
  $('retry').addEventListener('click', function () { hideError(); locate(); });
  if (data.picker) {
    renderList();
    $('search').addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(loadCustomers, 250);
    });
  }
  locate();
})();
`;
