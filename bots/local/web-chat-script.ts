/**
 * The web chat's script, served at `/local/web-chat.js` after a line that sets `LEGWORK_TEXTS` (both
 * catalogues of web-chat-text.ts). ES2017 without optional chaining, like the location page, so
 * older phone browsers run it. Messages are built from text nodes and attributes only: a customer
 * name or a message can never become markup, and only http(s) addresses become links.
 * Written with String.raw: the regular expressions keep their backslashes as written.
 */
export const webChatScript = String.raw`
(function () {
  'use strict';
  var TEXTS = window.LEGWORK_TEXTS;
  var $ = function (id) { return document.getElementById(id); };
  var lang = document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  var t = TEXTS[lang];
  // One conversation at a time: switching user or group starts a new one (key).
  var conv = { key: null, cursor: 0, shown: {}, pending: {}, entries: [], status: null };
  var polling = false, pollAgain = false, switchTimer = 0;

  function fill(s, p) { return s.replace(/[{](\w+)[}]/g, function (w, k) { return p && k in p ? String(p[k]) : w; }); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function user() { return $('user').value.trim(); }
  function channel() { return $('channel').value.trim(); }
  function keyNow() { return channel() ? 'c:' + channel() : 'u:' + user(); }
  function newId() {
    if (window.crypto && crypto.randomUUID) return 'web-' + crypto.randomUUID();
    return 'web-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }
  function remember() {
    try { localStorage.setItem('legwork.user', user()); localStorage.setItem('legwork.channel', channel()); } catch (e) { /* private mode */ }
  }
  function restore() {
    try {
      var u = localStorage.getItem('legwork.user'), c = localStorage.getItem('legwork.channel');
      if (u) $('user').value = u;
      if (c) $('channel').value = c;
    } catch (e) { /* private mode */ }
  }

  // Only http and https addresses are links; anything else (javascript:, data:) stays text.
  function safeUrl(raw) {
    try {
      var u = new URL(raw, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
    } catch (e) { return null; }
  }
  function isLocationLink(u) { return /^\/c\/[^/]+$/.test(u.pathname); }
  function link(raw, label) {
    var u = safeUrl(raw);
    if (!u) return document.createTextNode(label || raw);
    var a = el('a');
    a.href = u.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    // A location link is a long signed token: a button reads better than 13 lines of it on a phone.
    if (isLocationLink(u)) { a.className = 'linkbutton'; a.textContent = label || t.openLocationPage; }
    else a.textContent = label || raw;
    return a;
  }
  function appendText(parent, text, used) {
    var re = /https?:\/\/[^\s"'<>()（）]+/g, last = 0, m;
    while ((m = re.exec(text))) {
      var url = m[0].replace(/[.,;:!?。，；：！？]+$/, '');
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(link(url));
      used[url] = true;
      last = m.index + url.length;
      re.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function bubble(entry) {
    var group = conv.key && conv.key.charAt(0) === 'c';
    var mine = entry.from === 'user' && entry.sender && entry.sender.id === user();
    var cls = entry.from === 'note' ? 'note' : entry.from === 'bot' ? 'bot' : mine ? 'me' : 'other';
    var div = el('div', 'msg ' + cls + (entry.pending ? ' pending' : '') + (entry.failed ? ' failed' : ''));
    if (group && !mine && entry.from !== 'note') div.appendChild(el('span', 'who', entry.from === 'bot' ? t.bot : entry.sender.name));
    if (entry.title) div.appendChild(el('span', 'title', entry.title));
    var used = {};
    var text = tappedLabel(entry) || entry.text || (entry.location ? fill(t.sharedLocation, entry.location) : '');
    // A titled message's plain text starts with its title (for text-only clients): shown once, in bold.
    if (entry.title && text.indexOf(entry.title) === 0) text = text.slice(entry.title.length).replace(/^\n+/, '');
    appendText(div, text, used);
    (entry.actions || []).forEach(function (action) {
      if (used[action.url] || !safeUrl(action.url)) return;
      div.appendChild(document.createTextNode('\n'));
      div.appendChild(link(action.url, action.label));
    });
    if (entry.from === 'bot' && entry.image && entry.image.url) div.appendChild(chartImage(entry.image));
    if (entry.from === 'bot' && entry.choices && entry.choices.length) div.appendChild(choiceButtons(entry));
    if (entry.pending) div.appendChild(el('span', 'state', t.sending));
    if (entry.failed) div.appendChild(el('span', 'state', fill(t.notSent, { reason: entry.failed })));
    return div;
  }
  // A chart beside the text (issue 18). Its signed link points under PUBLIC_URL; the page loads it by
  // path from its own origin, which the Content-Security-Policy allows (img-src 'self').
  function chartImage(image) {
    var img = el('img', 'chart');
    var path;
    try { path = new URL(image.url, location.href).pathname; } catch (e) { path = ''; }
    if (!/^\/i\/[\w.-]+\.png$/.test(path)) return document.createTextNode('');
    img.src = path;
    img.alt = image.alt || '';
    img.loading = 'lazy';
    return img;
  }
  // A message's quick answers. A tap says which question it answers (questionId): a button of an older
  // list stays tappable, and the server answers that the list is no longer current instead of
  // applying it to the newer question.
  function choiceButtons(entry) {
    var row = el('div', 'choices');
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', t.choicesAria);
    entry.choices.forEach(function (choice) {
      var b = el('button', '', choice.label);
      b.type = 'button';
      b.addEventListener('click', function () { send(choice.reply, entry.questionId); });
      row.appendChild(b);
    });
    return row;
  }
  // A tap posts the choice's reply (often a number): its bubble shows the label that was tapped.
  function tappedLabel(entry) {
    if (entry.from !== 'user' || !entry.answers) return '';
    for (var i = 0; i < conv.entries.length; i += 1) {
      var asked = conv.entries[i];
      if (asked.from !== 'bot' || asked.questionId !== entry.answers || !asked.choices) continue;
      for (var j = 0; j < asked.choices.length; j += 1) if (asked.choices[j].reply === entry.text) return asked.choices[j].label;
    }
    return '';
  }
  function show(entry) {
    var node = bubble(entry);
    if (entry.node && entry.node.parentNode) entry.node.parentNode.replaceChild(node, entry.node);
    else $('log').appendChild(node);
    entry.node = node;
    $('log').scrollTop = $('log').scrollHeight;
  }
  function note(text, url) {
    var entry = { from: 'note', text: text, actions: url ? [{ label: t.openLocationPage, url: url }] : [] };
    conv.entries.push(entry);
    show(entry);
  }

  function renderWelcome() {
    var chips = $('chips');
    chips.textContent = '';
    t.chips.forEach(function (command) {
      var b = el('button', '', command);
      b.type = 'button';
      b.addEventListener('click', function () { send(command); });
      chips.appendChild(b);
    });
  }
  function applyLanguage(next) {
    lang = next === 'zh-CN' ? 'zh-CN' : 'en-US';
    t = TEXTS[lang];
    document.documentElement.lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
    document.title = t.title;
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (n) { n.textContent = t[n.getAttribute('data-t')]; });
    Array.prototype.forEach.call(document.querySelectorAll('[data-t-aria]'), function (n) {
      n.setAttribute('aria-label', t[n.getAttribute('data-t-aria')]);
      if (n.hasAttribute('title')) n.setAttribute('title', t[n.getAttribute('data-t-aria')]);
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-t-placeholder]'), function (n) { n.placeholder = t[n.getAttribute('data-t-placeholder')]; });
    renderWelcome();
    renderMenu();
    conv.entries.forEach(show);
  }

  // Switching user or group: a new conversation, loaded from the server (both sides, with names).
  function syncTarget() {
    var key = keyNow();
    if (key === conv.key) return;
    conv = { key: key, cursor: 0, shown: {}, pending: {}, entries: [], status: null };
    Array.prototype.slice.call($('log').querySelectorAll('.msg')).forEach(function (n) { n.parentNode.removeChild(n); });
    toggleMenu(false);
    remember();
    refreshStatus();
    poll();
  }

  // One poll at a time; a poll asked for meanwhile runs right after. Ids already shown are skipped.
  function poll() {
    if (polling) { pollAgain = true; return; }
    syncTarget();
    if (!user() && !channel()) return;
    polling = true;
    var mine = conv;
    var query = channel() ? 'channelId=' + encodeURIComponent(channel()) : 'userId=' + encodeURIComponent(user());
    fetch('/local/conversation?' + query + (mine.cursor ? '&after=' + mine.cursor : ''))
      .then(function (res) { return res.ok ? res.json() : []; })
      .then(function (list) {
        if (mine !== conv) return; // switched while this was on the way
        var fromBot = false;
        list.forEach(function (m) {
          if (Number(m.id) > mine.cursor) mine.cursor = Number(m.id);
          if (mine.shown[m.id]) return;
          mine.shown[m.id] = true;
          var waiting = m.eventId && mine.pending[m.eventId];
          if (waiting) {
            delete mine.pending[m.eventId];
            waiting.pending = false;
            waiting.failed = null;
            show(waiting);
            return;
          }
          mine.entries.push(m);
          show(m);
          if (m.from === 'bot') fromBot = true;
        });
        if (fromBot) refreshStatus();
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () {
        polling = false;
        if (pollAgain) { pollAgain = false; poll(); }
      });
  }

  function send(text, answers) {
    syncTarget();
    if (!user()) { note(t.noUser); return; }
    var id = newId();
    var entry = { eventId: id, from: 'user', sender: { id: user(), name: user() }, text: text, answers: answers, pending: true };
    var mine = conv;
    mine.pending[id] = entry;
    mine.entries.push(entry);
    show(entry);
    var body = { id: id, userId: user(), text: text };
    if (channel()) body.channelId = channel();
    if (answers) body.answers = answers;
    fetch('/local/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        if (res.ok) {
          if (entry.pending) { entry.pending = false; show(entry); }
          poll();
          return;
        }
        return res.json().catch(function () { return {}; }).then(function (answer) {
          delete mine.pending[id];
          entry.pending = false;
          entry.failed = answer.message || answer.error || 'HTTP ' + res.status;
          show(entry);
        });
      })
      .catch(function () {
        entry.pending = false;
        entry.failed = t.networkError;
        show(entry);
      });
  }

  // What the 📍 button offers depends on the person: check-out when a visit is open.
  function refreshStatus() {
    if (!user()) return;
    var mine = conv;
    fetch('/local/people/' + encodeURIComponent(user()))
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (status) {
        if (!status || mine !== conv) return;
        conv.status = status;
        if (status.language && status.language !== lang) applyLanguage(status.language);
        else renderMenu();
      })
      .catch(function () { /* keeps the last known status */ });
  }
  function renderMenu() {
    var menu = $('loc-menu');
    menu.textContent = '';
    var open = conv.status && conv.status.openVisit;
    var button = $('loc');
    if (!open) {
      menu.hidden = true;
      button.removeAttribute('aria-haspopup');
      button.removeAttribute('aria-expanded');
      return;
    }
    button.setAttribute('aria-haspopup', 'true');
    button.setAttribute('aria-expanded', String(!menu.hidden));
    var out = el('button', '', fill(t.checkOutOf, { customer: open.customer }));
    out.type = 'button';
    out.addEventListener('click', function () { openLocation('out'); });
    var other = el('button', '', t.checkInElsewhere);
    other.type = 'button';
    other.addEventListener('click', function () { openLocation('in'); });
    menu.appendChild(out);
    menu.appendChild(other);
  }
  function toggleMenu(show) {
    $('loc-menu').hidden = !show;
    $('log').scrollTop = $('log').scrollHeight; // the menu takes room from the log: keep its end in view
    if ($('loc').hasAttribute('aria-expanded')) $('loc').setAttribute('aria-expanded', String(show));
  }
  function openLocation(action) {
    toggleMenu(false);
    var who = user();
    if (!who) { note(t.noUser); return; }
    // The tab is opened within the tap, before the request, so popup blockers allow it.
    var tab = window.open('about:blank', '_blank');
    var body = { userId: who, action: action };
    if (channel()) body.channelId = channel();
    fetch('/local/location-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().catch(function () { return {}; }).then(function (answer) { return { ok: res.ok, answer: answer }; }); })
      .then(function (r) {
        if (!r.ok || !r.answer.url) {
          if (tab) tab.close();
          note(r.answer.error === 'unknown user' ? fill(t.unknownUser, { user: who }) : t.linkFailed);
          return;
        }
        if (tab) tab.location.href = r.answer.url;
        else note(t.popupBlocked, r.answer.url);
      })
      .catch(function () {
        if (tab) tab.close();
        note(t.networkError);
      });
  }

  $('form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('text').value;
    if (!text.trim()) return;
    $('text').value = '';
    send(text);
  });
  $('loc').addEventListener('click', function () {
    var menu = $('loc-menu');
    if (conv.status && conv.status.openVisit) { toggleMenu(menu.hidden); return; }
    openLocation('in');
  });
  ['user', 'channel'].forEach(function (id) {
    $(id).addEventListener('input', function () { clearTimeout(switchTimer); switchTimer = setTimeout(syncTarget, 400); });
    $(id).addEventListener('change', syncTarget);
  });
  restore();
  applyLanguage(lang);
  syncTarget();
  setInterval(poll, 2000);
})();
`;
