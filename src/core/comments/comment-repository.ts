import type { Db } from '../shared/db.ts';

/** A comment as the pages and chat show it. */
export interface CommentView {
  id: string;
  reportId: string | null;
  visitId: string | null;
  author: string;
  kind: 'text' | 'like';
  text: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** The report's date, or the visit's customer (for a visit comment). */
  reportDate: string | null;
  customer: string | null;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('comments as cm')
    .leftJoin('users as a', 'a.id', 'cm.author_id')
    .leftJoin('daily_reports as r', 'r.id', 'cm.report_id')
    .leftJoin('visits as v', 'v.id', 'cm.visit_id')
    .leftJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['cm.id', 'cm.report_id', 'cm.visit_id', 'a.display_name', 'cm.kind', 'cm.text', 'cm.created_at', 'cm.read_at', 'r.report_date', 'c.name as customer'])
    .orderBy('cm.created_at')
    .orderBy('cm.seq');
}

function toView(r: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]): CommentView {
  return {
    id: r.id,
    reportId: r.report_id,
    visitId: r.visit_id,
    author: r.display_name ?? '—',
    kind: r.kind,
    text: r.text,
    createdAt: new Date(r.created_at),
    readAt: r.read_at ? new Date(r.read_at) : null,
    reportDate: r.report_date === null ? null : String(r.report_date),
    customer: r.customer,
  };
}

/** The comments on these reports, oldest first. */
export async function listReportComments(db: Db, reportIds: readonly string[]): Promise<CommentView[]> {
  if (reportIds.length === 0) return [];
  return (await baseQuery(db).where('cm.report_id', 'in', [...reportIds]).execute()).map(toView);
}

/** The comments on these visits, oldest first. */
export async function listVisitComments(db: Db, visitIds: readonly string[]): Promise<CommentView[]> {
  if (visitIds.length === 0) return [];
  return (await baseQuery(db).where('cm.visit_id', 'in', [...visitIds]).execute()).map(toView);
}

/** What a rep has not seen yet, plus everything on the report of `date` (their "today"). */
export async function listRepliesForRep(db: Db, input: { userId: string; reportDate: string }): Promise<CommentView[]> {
  const rows = await baseQuery(db)
    .where('cm.subject_user_id', '=', input.userId)
    .where((eb) => eb.or([eb('cm.read_at', 'is', null), eb('r.report_date', '=', input.reportDate)]))
    .execute();
  return rows.map(toView);
}

/** The rep saw these (today, the report card, their console): unread ones become read at `now`. */
export async function markCommentsRead(db: Db, input: { userId: string; ids: readonly string[]; now: Date }): Promise<void> {
  if (input.ids.length === 0) return;
  await db
    .updateTable('comments')
    .set({ read_at: input.now })
    .where('subject_user_id', '=', input.userId)
    .where('id', 'in', [...input.ids])
    .where('read_at', 'is', null)
    .execute();
}

/**
 * A manager or admin opened someone's report (chat `日报 张三`, the console): the daily digest then
 * marks it read. The person's own reading is not recorded.
 */
export async function recordReportRead(db: Db, input: { readerId: string; reportId: string; ownerId: string; now: Date }): Promise<void> {
  if (input.readerId === input.ownerId) return;
  await db
    .insertInto('report_reads')
    .values({ report_id: input.reportId, reader_id: input.readerId, read_at: input.now })
    .onConflict((oc) => oc.columns(['report_id', 'reader_id']).doNothing())
    .execute();
}
