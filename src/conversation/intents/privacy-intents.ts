/**
 * Privacy commands (issue 16): leaving (deactivate, erase), a person's own data and who sees it, and
 * the org's retention choices. Names and numbers are kept as typed; the use cases resolve them.
 */
export type PrivacyIntent =
  /** `停用 张三` / `deactivate Zhang` (admins). */
  | { kind: 'deactivate'; person: string }
  /** `启用 张三` / `reactivate Zhang` (admins): undoes a deactivation that was a mistake. */
  | { kind: 'reactivate'; person: string }
  /** `删除 张三 的数据` / `erase Zhang` (admins): asks for confirmation first. */
  | { kind: 'erase'; person: string }
  /** `确认删除` / `confirm erase`: the second message that carries out the erasure asked for. */
  | { kind: 'eraseConfirm' }
  /** `我的数据` / `my data`: a one-time link to a zip of everything Legwork holds about me. */
  | { kind: 'myData' }
  /** `谁能看到我` / `who sees me`: the people who can open my individual records, and what they see. */
  | { kind: 'whoSeesMe' }
  /** `查看记录` / `access log`: who opened my individual history in the last 30 days. */
  | { kind: 'accessLog' }
  /** `保留位置 30天` / `location retention 30 days` (admins): as typed; `默认` / `default` clears it. */
  | { kind: 'setLocationRetention'; days: string }
  /** `保留工作记录 开|关` / `keep work records on|off` (admins): what erasure keeps. */
  | { kind: 'setKeepWorkRecords'; enabled: boolean };
