/**
 * The console's stylesheet, served as /console/assets/console.css (the CSP allows only styles
 * served by Legwork). Phone first: one column, tables scroll sideways inside their card, controls
 * at least 44 px; from 900 px the navigation sits in one row and cards get room. Colours keep at
 * least 4.5:1 contrast on their backgrounds.
 */
export const consoleStyle = `
:root { font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
  color: #1b1f24; background: #f4f5f7; line-height: 1.45; font-size: 16px; }
* { box-sizing: border-box; }
body { margin: 0; }
a { color: #0b4aa8; }
header.top { background: #0b2f66; color: #fff; padding: 10px 12px; }
header.top .brand { font-weight: 700; font-size: 1.05rem; color: #fff; text-decoration: none; }
header.top .who { font-size: 0.9rem; opacity: 0.95; margin-left: 8px; }
header.top .row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; max-width: 1100px; margin: 0 auto; }
nav.main { display: flex; flex-wrap: wrap; gap: 4px; max-width: 1100px; margin: 8px auto 0; }
nav.main a { color: #fff; text-decoration: none; padding: 8px 12px; border-radius: 8px; min-height: 40px; display: inline-flex; align-items: center; }
nav.main a[aria-current=page] { background: #fff; color: #0b2f66; font-weight: 600; }
form.logout { margin: 0; }
form.logout button { background: transparent; color: #fff; border: 1px solid #c9d6ea; min-height: 36px; padding: 4px 12px; font-size: 0.9rem; }
main { max-width: 1100px; margin: 0 auto; padding: 12px 12px 32px; }
h1 { font-size: 1.4rem; margin: 8px 0 12px; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 0 0 8px; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 12px 0 6px; }
p { margin: 6px 0; }
.sub { color: #4a525c; font-size: 0.92rem; }
.card { background: #fff; border: 1px solid #d0d5dc; border-radius: 12px; padding: 12px 14px; margin: 12px 0; }
.grid { display: grid; grid-template-columns: 1fr; gap: 12px; margin: 12px 0; }
.grid > .card { margin: 0; }
@media (min-width: 900px) { .grid.two { grid-template-columns: 1fr 1fr; } main { padding: 16px 24px 40px; }
  header.top { padding: 10px 24px; } header.top .row, nav.main { max-width: 1052px; } }
.date { white-space: nowrap; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; padding: 8px 8px; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
th { color: #3d444d; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
/* A long customer name keeps a readable width on a phone: the table scrolls inside its card instead. */
td.name { min-width: 9em; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 0.85rem; font-weight: 600; white-space: nowrap; }
.badge.verified, .badge.in, .badge.within { background: #e3f4e8; color: #0f5a27; }
.badge.outside, .badge.late, .badge.overdue { background: #fff0d6; color: #7a4200; }
.badge.unverified, .badge.note_only, .badge.none, .badge.dayOff, .badge.away { background: #eceef1; color: #3d444d; }
.badge.missing { background: #fde3e3; color: #8a1216; }
.badge.open { background: #e6eefc; color: #0b3f8f; }
.rep { border-top: 1px solid #e3e6ea; padding-top: 10px; margin-top: 10px; }
.rep:first-of-type { border-top: 0; margin-top: 0; padding-top: 0; }
.rep-head { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.rep-head .name { font-weight: 700; font-size: 1.05rem; }
.report-body { white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f9fb; border-radius: 8px; padding: 8px 10px; margin: 8px 0; }
.replies { margin: 8px 0; padding-left: 0; list-style: none; }
.replies li { padding: 6px 10px; border-left: 3px solid #0b57d0; background: #f2f6fd; margin: 4px 0; border-radius: 0 8px 8px 0; overflow-wrap: anywhere; }
label { display: block; font-weight: 600; margin: 8px 0 4px; }
input[type=text], input[type=search], input[type=number], input[type=date], select, textarea {
  width: 100%; min-height: 44px; font: inherit; padding: 8px 10px; border: 1px solid #6b7480; border-radius: 8px; background: #fff; color: #1b1f24; }
textarea { min-height: 80px; resize: vertical; }
button, .button { font: inherit; font-weight: 600; min-height: 44px; padding: 8px 16px; border-radius: 8px; border: 2px solid #0b57d0;
  background: #0b57d0; color: #fff; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; justify-content: center; }
button.secondary, .button.secondary { background: #fff; color: #0b4aa8; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.inline-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
.inline-form > div { flex: 1 1 180px; }
/* A date is ten characters: its field does not stretch across a desktop-wide card. */
.inline-form > div.date-field { flex: 0 1 16rem; }
.flash { background: #e3f4e8; border: 1px solid #0f6b2f; color: #0f4d22; border-radius: 10px; padding: 10px 14px; margin: 12px 0; }
.alert { background: #fdecec; border: 2px solid #a4161a; color: #7a1013; border-radius: 12px; padding: 12px 16px; margin: 12px 0; }
.errors { margin: 6px 0; padding-left: 20px; }
.chart { width: 100%; height: 320px; }
.chart.tall { height: 420px; }
.pager { display: flex; justify-content: space-between; gap: 8px; margin: 8px 0; }
.day { border-top: 1px solid #e3e6ea; padding-top: 8px; }
.visit { margin: 6px 0 10px; }
.visit .meta { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
details summary { cursor: pointer; min-height: 36px; display: flex; align-items: center; color: #0b4aa8; }
[hidden] { display: none !important; }
`;
