/**
 * The local web chat: a single self-contained page (no external assets) that posts to
 * `/local/messages` and polls the inbox or channel. Meant for trying Legwork before connecting a
 * platform, and for demos.
 */
export function webChatPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Legwork local chat</title>
<style>
  :root { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1b1f24; }
  body { margin: 0; display: flex; flex-direction: column; height: 100vh; background: #f4f5f7; }
  header { padding: 8px 12px; background: #1f3a5f; color: #fff; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  header label { font-size: 14px; display: flex; gap: 4px; align-items: center; }
  header input { width: 110px; padding: 4px; border-radius: 4px; border: 0; }
  #log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
  .msg { max-width: 80%; padding: 8px 10px; border-radius: 10px; white-space: pre-wrap; word-break: break-word; }
  .me { align-self: flex-end; background: #cfe3ff; }
  .bot { align-self: flex-start; background: #fff; border: 1px solid #d8dce2; }
  .bot a { color: #0b57d0; }
  form { display: flex; gap: 6px; padding: 8px; background: #fff; border-top: 1px solid #d8dce2; }
  form input { flex: 1; padding: 10px; font-size: 16px; border: 1px solid #b8bec7; border-radius: 6px; }
  button { padding: 10px 14px; font-size: 15px; border-radius: 6px; border: 0; background: #1f6feb; color: #fff; }
  button.secondary { background: #57606a; }
</style>
</head>
<body>
<header>
  <strong>Legwork</strong>
  <label>User <input id="user" value="alice" aria-label="User id"></label>
  <label>Group <input id="channel" placeholder="(direct)" aria-label="Group channel id (empty for a direct chat)"></label>
</header>
<main id="log" aria-live="polite"></main>
<form id="form">
  <input id="text" autocomplete="off" placeholder="签到 华为 / checkin Huawei / help" aria-label="Message">
  <button type="button" class="secondary" id="loc" aria-label="Check in with my location (opens the location page)" title="Check in with my location">📍</button>
  <button type="submit">Send</button>
</form>
<script>
const $ = (id) => document.getElementById(id);
let lastId = '0', lastTarget = '';
function target() { const ch = $('channel').value.trim(); return ch ? '/local/channels/' + encodeURIComponent(ch) : '/local/inbox/' + encodeURIComponent($('user').value.trim()); }
function add(text, cls) {
  const div = document.createElement('div'); div.className = 'msg ' + cls;
  div.textContent = text;
  div.innerHTML = div.innerHTML.replace(/(https?:\\/\\/[^\\s)（）]+)/g, '<a href="$1" target="_blank" rel="noopener">$1</a>');
  $('log').appendChild(div); $('log').scrollTop = $('log').scrollHeight;
}
async function post(body) {
  body.userId = $('user').value.trim();
  const ch = $('channel').value.trim(); if (ch) body.channelId = ch;
  const res = await fetch('/local/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) add('Error: ' + (await res.text()), 'bot');
  setTimeout(poll, 150);
}
async function poll() {
  const t = target();
  if (t !== lastTarget) { lastTarget = t; lastId = '0'; $('log').innerHTML = ''; }
  const res = await fetch(t + '?after=' + lastId);
  if (!res.ok) return;
  for (const m of await res.json()) { add(m.text, 'bot'); lastId = m.id; }
}
$('form').addEventListener('submit', (e) => { e.preventDefault(); const text = $('text').value; if (!text.trim()) return; add(text, 'me'); $('text').value = ''; post({ text }); });
// 📍 opens the same location page the bot links to (GET /c/:token), with a customer picker; the
// confirmation comes back into this chat. The tab is opened before the request so popup blockers allow it.
$('loc').addEventListener('click', async () => {
  const userId = $('user').value.trim(); if (!userId) return;
  const tab = window.open('about:blank', '_blank');
  const body = { userId }; const ch = $('channel').value.trim(); if (ch) body.channelId = ch;
  const res = await fetch('/local/location-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok || !answer.url) { if (tab) tab.close(); add(answer.message || 'Could not make a location link.', 'bot'); return; }
  if (tab) tab.location.href = answer.url; else add('Open the location page: ' + answer.url, 'bot');
});
setInterval(poll, 2000); poll();
</script>
</body>
</html>`;
}
