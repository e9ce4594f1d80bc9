import type { Language } from '../../conversation/intents/types.ts';
import { pageStyle } from './page-style.ts';

/**
 * The document start every location page shares: language, a phone viewport, no referrer (the
 * link's token is in the URL), not indexed, and the style allowed by the CSP nonce. `title` is
 * already escaped.
 */
export function pageHead(input: { language: Language; title: string; nonce: string; extra?: string }): string {
  return `<!doctype html>
<html lang="${input.language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">${input.extra ?? ''}
<title>${input.title}</title>
<style nonce="${input.nonce}">${pageStyle}</style>
</head>`;
}
