/**
 * The location page's CSS: one column, thumb-sized controls (at least 48 px), system fonts, and
 * colours chosen for at least 4.5:1 contrast (WCAG AA) on their backgrounds.
 */
export const pageStyle = `
:root { font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
  color: #1b1f24; background: #f4f5f7; line-height: 1.45; }
* { box-sizing: border-box; }
body { margin: 0; }
main { max-width: 560px; margin: 0 auto; padding: 16px 16px calc(24px + env(safe-area-inset-bottom)); }
h1 { font-size: 1.5rem; margin: 8px 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 0 0 8px; }
p { margin: 6px 0; }
.sub { color: #4a525c; font-size: 0.95rem; }
.card { background: #fff; border: 1px solid #d0d5dc; border-radius: 12px; padding: 14px 16px; margin: 12px 0; }
.status { font-size: 1.05rem; font-weight: 600; }
.big { font-size: 1.35rem; font-weight: 700; }
.ok { color: #0f6b2f; }
.warn { color: #8a4b00; }
.bad { color: #a4161a; }
.actions { display: flex; flex-direction: column; gap: 10px; margin: 16px 0; }
button { font: inherit; font-size: 1.1rem; font-weight: 600; min-height: 56px; width: 100%; padding: 12px 16px;
  border-radius: 12px; border: 2px solid transparent; cursor: pointer; touch-action: manipulation; }
button.primary { background: #0b57d0; color: #fff; }
button.secondary { background: #fff; color: #0b4aa8; border-color: #0b57d0; }
button:disabled { background: #c9ced6; color: #3d444d; border-color: #c9ced6; cursor: not-allowed; }
button:focus-visible, input:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
label.search { display: block; font-weight: 600; margin-bottom: 6px; }
input[type=search] { width: 100%; min-height: 48px; font-size: 1.05rem; padding: 10px 12px; border: 1px solid #6b7480;
  border-radius: 10px; background: #fff; color: #1b1f24; }
fieldset { border: 0; padding: 0; margin: 12px 0 0; }
legend { font-weight: 600; padding: 0; margin-bottom: 6px; }
.option { display: flex; align-items: center; gap: 12px; min-height: 56px; padding: 10px 12px; margin: 6px 0;
  background: #fff; border: 1px solid #b8bec7; border-radius: 10px; cursor: pointer; }
.option input { width: 24px; height: 24px; flex: none; margin: 0; accent-color: #0b57d0; }
.option .name { flex: 1; font-weight: 600; overflow-wrap: anywhere; }
.option .meta { color: #4a525c; font-size: 0.95rem; white-space: nowrap; }
.option:has(input:checked) { border: 2px solid #0b57d0; background: #eef4ff; }
.result { border-width: 2px; }
.result.verified { border-color: #0f6b2f; background: #effaf2; }
.result.outside { border-color: #8a4b00; background: #fff6e5; }
.result.unverified { border-color: #4a525c; background: #f6f7f9; }
.message { white-space: pre-line; }
.alert { background: #fdecec; border: 2px solid #a4161a; color: #7a1013; border-radius: 12px; padding: 12px 16px; }
[hidden] { display: none !important; }
`;
