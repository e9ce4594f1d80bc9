/** Long answers in pages (issue 13): the words around a page. Merged into en-US.ts. */
export const pagesEnUS = {
  pagedTitle: (p: { title: string; page: number; pages: number }) => `${p.title} (${p.page}/${p.pages})`,
  pageContinued: (p: { heading: string }) => `${p.heading} (continued)`,
  nextPageHint: (p: { next: number; pages: number }) => `Page ${p.next - 1} of ${p.pages}. Reply "next page" for page ${p.next}.`,
  nextPageButton: (p: { next: number; pages: number }) => `Next page (${p.next}/${p.pages})`,
  /** What the button sends and what a person types: the parser knows it (page-arguments.ts). */
  nextPageReply: () => 'next page',
  /** `日报 团队` / `report team`: the title over each team's list (its pages are numbered under it). */
  teamReportsTitle: () => 'Team daily reports today',
  noMorePages: () => 'There is no further page: ask again (for example "team yesterday") to see an answer from the start.',
};
