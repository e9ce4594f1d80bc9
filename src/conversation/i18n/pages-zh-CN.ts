import type { pagesEnUS } from './pages-en-US.ts';

type Same<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : never };

/** 长回复分页（issue #13），并入 zh-CN.ts。键与 pages-en-US.ts 相同。 */
export const pagesZhCN: Same<typeof pagesEnUS> = {
  pagedTitle: (p) => `${p.title}（${p.page}/${p.pages}）`,
  pageContinued: (p) => `${p.heading}（续）`,
  nextPageHint: (p) => `第 ${p.next - 1}/${p.pages} 页。回复"下一页"查看第 ${p.next} 页。`,
  nextPageButton: (p) => `下一页（${p.next}/${p.pages}）`,
  nextPageReply: () => '下一页',
  teamReportsTitle: () => '团队今天的日报',
  noMorePages: () => '没有下一页了。要从头查看，请重新发送，例如"团队 昨天"。',
};
