import type { Hono } from 'hono';
import type { Language } from '../../src/conversation/intents/types.ts';
import { languageFromHeader } from '../../src/http/location-page/page-text.ts';
import { webChatTextFor, webChatTexts, type WebChatText } from './web-chat-text.ts';
import { webChatStyle } from './web-chat-style.ts';
import { webChatScript } from './web-chat-script.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * The local web chat: a page that posts to `/local/messages` and polls `/local/conversation`.
 * Meant for trying Legwork before connecting a platform, and for demos. Its script and style are
 * served from their own routes (no external assets, and nothing inline: the CSP forbids it).
 */
export function mountWebChatPage(app: Hono): void {
  app.get('/', (c) => {
    const res = c.html(webChatPage(languageFromHeader(c.req.header('accept-language'))));
    res.headers.set('cache-control', 'no-store');
    return res;
  });
  // The texts ride with the script (a JS context, no HTML escaping to get wrong).
  const script = `window.LEGWORK_TEXTS = ${JSON.stringify(webChatTexts)};\n${webChatScript}`;
  app.get('/local/web-chat.js', (c) => c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  app.get('/local/web-chat.css', (c) => c.body(webChatStyle, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
}

/** The page in the visitor's language; the script switches to the person's own once it is known. */
export function webChatPage(language: Language): string {
  const t = webChatTextFor(language);
  const e = (key: keyof WebChatText) => escapeHtml(String(t[key]));
  return `<!doctype html>
<html lang="${language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e('title')}</title>
<link rel="stylesheet" href="/local/web-chat.css">
<script src="/local/web-chat.js" defer></script>
</head>
<body>
<header>
  <strong>Legwork</strong>
  <label><span data-t="userLabel">${e('userLabel')}</span> <input id="user" value="alice" autocomplete="off" data-t-aria="userAria" aria-label="${e('userAria')}"></label>
  <label><span data-t="groupLabel">${e('groupLabel')}</span> <input id="channel" autocomplete="off" data-t-placeholder="groupPlaceholder" placeholder="${e('groupPlaceholder')}" data-t-aria="groupAria" aria-label="${e('groupAria')}"></label>
</header>
<main id="log" aria-live="polite">
<section class="welcome" id="welcome">
<h1 data-t="welcomeTitle">${e('welcomeTitle')}</h1>
<p data-t="welcomeBody">${e('welcomeBody')}</p>
<div class="chips" id="chips" role="group" data-t-aria="chipsAria" aria-label="${e('chipsAria')}"></div>
</section>
</main>
<div class="menu" id="loc-menu" role="group" data-t-aria="locationMenuAria" aria-label="${e('locationMenuAria')}" hidden></div>
<form id="form">
  <input id="text" autocomplete="off" data-t-placeholder="messagePlaceholder" placeholder="${e('messagePlaceholder')}" data-t-aria="messageAria" aria-label="${e('messageAria')}">
  <button type="button" class="secondary" id="loc" data-t-aria="locationButton" aria-label="${e('locationButton')}" title="${e('locationButton')}">📍</button>
  <button type="submit" data-t="send">${e('send')}</button>
</form>
</body>
</html>`;
}
