import type { Language } from '../../conversation/intents/types.ts';
import { pageTextFor } from './page-text.ts';
import { pageHead } from './page-head.ts';
import { escapeHtml } from './render-page.ts';

/**
 * A page that explains why a link cannot be used (expired, used, damaged) and what to do instead.
 * It offers nothing to submit; `next` says what to send in the chat instead (an expired link).
 */
export function renderProblemPage(model: { language: Language; title: string; body: string; next?: string; nonce: string }): string {
  const text = pageTextFor(model.language);
  return `${pageHead({ language: model.language, title: `${escapeHtml(model.title)} — Legwork`, nonce: model.nonce })}
<body>
<main>
<section class="card alert" role="alert">
<h1 id="problem-title">${escapeHtml(model.title)}</h1>
<p id="problem-body">${escapeHtml(model.body)}</p>
${model.next ? `<p id="problem-next">${escapeHtml(model.next)}</p>\n` : ''}</section>
<p class="sub">${escapeHtml(text.backToChat)}</p>
</main>
</body>
</html>`;
}
