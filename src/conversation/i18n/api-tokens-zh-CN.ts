import type { apiTokensEnUS } from './api-tokens-en-US.ts';

/** 聊天里管理 API 令牌（issue 15）的中文回复，与 api-tokens-en-US.ts 同键。 */
export const apiTokensZhCN: typeof apiTokensEnUS = {
  apiTokenCreated: (p) =>
    `已创建 API 令牌"${p.name}"。令牌只显示这一次，请妥善保存：\n${p.token}\n调用 ${p.publicUrl}/api/v1 时使用请求头"Authorization: Bearer <令牌>"（文档：${p.publicUrl}/api/docs）。发送"API令牌 撤销 ${p.name}"可撤销。`,
  apiTokenRevoked: (p) => `API 令牌"${p.name}"已撤销，之后用它的请求都会被拒绝。`,
  apiTokenNone: () => '还没有 API 令牌。发送"API令牌 新建 <名称>"创建一个。',
  apiTokenList: (p) =>
    `API 令牌：\n${p.tokens
      .map((t) => `• ${t.name}：${t.createdOn} 创建${t.createdBy ? `（${t.createdBy}）` : ''}，${t.lastUsedOn ? `最近使用 ${t.lastUsedOn}` : '从未使用'}`)
      .join('\n')}`,
  apiTokenNameTaken: (p) => `已有名为"${p.name}"的 API 令牌，请换个名称或先撤销它。`,
  apiTokenNameTooLong: (p) => `令牌名称最多 ${p.max} 个字。`,
  apiTokenNotFound: (p) => `没有名为"${p.name}"的有效 API 令牌。发送"API令牌"查看列表。`,
};
