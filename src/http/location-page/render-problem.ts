import type { Language } from '../../conversation/intents/types.ts';
import { pageTextFor } from './page-text.ts';
import { pageStyle } from './page-style.ts';
import { escapeHtml } from './render-page.ts';

/**
 * A page that explains why a link cannot be used (expired, used, damaged) and what to do instead.
 * It offers nothing to submit.
 */
export function renderProblemPage(model: { language: Language; title: string; body: string; nonce: string }): string {
  const text = pageTextFor(model.language);
  return `<!doctype html>
<html lang="${model.language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(model.title)} — Legwork</title>
<style nonce="${model.nonce}">${pageStyle}</style>
</head>
<body>
<main>
<section class="card alert" role="alert">
<h1 id="problem-title">${escapeHtml(model.title)}</h1>
<p id="problem-body">${escapeHtml(model.body)}</p>
</section>
<p class="sub">${escapeHtml(text.backToChat)}</p>
</main>
</body>
</html>`;
}
