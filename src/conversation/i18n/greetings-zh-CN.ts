import type { greetingsEnUS } from './greetings-en-US.ts';

/** 对已认识的人打招呼（"你好"、"在吗"）和"取消"的回复（与 greetings-en-US.ts 同键）；新用户的招呼由欢迎语回答。 */
export const greetingsZhCN: typeof greetingsEnUS = {
  greetingReply: (p) => `你好，${p.name}！发送"帮助"查看我能做什么。`,
  cancelled: () => '好的，已取消。',
  nothingToCancel: () => '现在没有需要取消的操作。',
};
