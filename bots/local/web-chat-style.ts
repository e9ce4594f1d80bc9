/** The web chat's style sheet, served at `/local/web-chat.css` (the page's CSP allows no inline style). */
export const webChatStyle = `
:root { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1b1f24; }
body { margin: 0; display: flex; flex-direction: column; height: 100vh; height: 100dvh; background: #f4f5f7; }
header { padding: 8px 12px; background: #1f3a5f; color: #fff; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
header label { font-size: 14px; display: flex; gap: 4px; align-items: center; }
header input { width: 110px; min-height: 44px; box-sizing: border-box; padding: 8px; border-radius: 4px; border: 0; font-size: 16px; }
#log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.welcome { background: #fff; border: 1px solid #d8dce2; border-radius: 10px; padding: 10px 12px; }
.welcome h1 { font-size: 17px; margin: 0 0 4px; }
.welcome p { margin: 0 0 8px; font-size: 14px; line-height: 1.4; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chips button, .menu button, .choices button { min-height: 44px; min-width: 44px; background: #e8f0fe; color: #0b57d0; border: 1px solid #b6cdf7; border-radius: 16px; padding: 6px 12px; font-size: 14px; }
.msg { max-width: 80%; padding: 8px 10px; border-radius: 10px; white-space: pre-wrap; word-break: break-word; }
.me { align-self: flex-end; background: #cfe3ff; }
.other { align-self: flex-start; background: #e4f4e8; border: 1px solid #c3e3cb; }
.bot { align-self: flex-start; background: #fff; border: 1px solid #d8dce2; }
.note { align-self: center; background: #fff4e5; border: 1px solid #f0c36d; font-size: 14px; }
.who { display: block; font-size: 12px; font-weight: 600; color: #57606a; margin-bottom: 2px; }
.msg img.chart { display: block; width: 100%; max-width: 500px; height: auto; margin-top: 6px; border-radius: 6px; border: 1px solid #e5e6eb; background: #fff; }
.msg .title { display: block; font-weight: 600; margin-bottom: 2px; }
.msg a { color: #0b57d0; }
.msg a.linkbutton { display: inline-block; margin: 4px 0; padding: 12px 14px; border-radius: 6px; background: #1f6feb; color: #fff; text-decoration: none; white-space: nowrap; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; white-space: normal; }
.state { display: block; font-size: 12px; color: #57606a; margin-top: 2px; }
.failed .state { color: #b42318; }
.pending .state { font-style: italic; }
.menu { display: flex; flex-wrap: wrap; gap: 6px; justify-content: flex-end; padding: 6px 8px; background: #fff; border-top: 1px solid #d8dce2; }
.menu[hidden] { display: none; }
form { display: flex; gap: 6px; padding: 8px; background: #fff; border-top: 1px solid #d8dce2; }
form input { flex: 1; min-width: 0; padding: 10px; font-size: 16px; border: 1px solid #b8bec7; border-radius: 6px; }
form button { min-width: 44px; min-height: 44px; padding: 10px 14px; font-size: 15px; border-radius: 6px; border: 0; background: #1f6feb; color: #fff; }
form button.secondary { background: #57606a; }
`;
