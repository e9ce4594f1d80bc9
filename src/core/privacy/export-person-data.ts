import { sql } from 'kysely';
import { strToU8, zipSync } from 'fflate';
import type { Db } from '../shared/db.ts';
import { DomainError } from '../shared/domain-error.ts';
import { userReferences } from './text-columns.ts';

/** Friendly names for the kinds of rows; any other table pointing at users is exported under its own name. */
const KIND_NAMES: Record<string, string> = {
  'identities.user_id': 'identities',
  'check_ins.user_id': 'check-ins',
  'visits.user_id': 'visits',
  'daily_reports.user_id': 'reports',
  'visit_plans.user_id': 'plans',
  'visit_plans.planned_by': 'plans-made-by-me',
  'scheduled_sends.user_id': 'reminders-sent',
  'audit_log.actor_user_id': 'audit-entries-by-me',
  'access_log.subject_id': 'access-log',
  'access_log.viewer_id': 'records-i-opened',
  'team_memberships.user_id': 'team-memberships',
  'teams.manager_id': 'teams-managed',
  'customers.owner_id': 'customers-owned',
  'join_requests.user_id': 'join-requests',
  'join_requests.decided_by': 'join-requests-decided',
  'user_schedule_prefs.user_id': 'preferences',
  'away_periods.user_id': 'away-days',
  'plan_start_points.user_id': 'route-start-point',
  'conversation_states.user_id': 'open-questions',
  'location_tokens.user_id': 'spent-links',
  'comments.subject_user_id': 'replies-to-me',
  'comments.author_id': 'replies-i-wrote',
  'report_reads.reader_id': 'reports-i-read',
  'manager_alerts.subject_user_id': 'alerts-about-me',
  'manager_alerts.manager_id': 'alerts-i-received',
  'alert_windows.manager_id': 'alert-batching',
  'api_tokens.created_by': 'api-tokens-i-created',
  'console_sessions.user_id': 'console-sessions',
  'console_link_nonces.user_id': 'console-links-used',
};

export interface PersonExport {
  /** The zip: `legwork-data.json` with every kind, and one `<kind>.csv` per kind. */
  zip: Uint8Array;
  /** Rows per kind. */
  counts: Record<string, number>;
  /** Every `table.column` read, from the schema's foreign keys to users plus the audit log's subject. */
  sources: string[];
}

type Row = Record<string, unknown>;

/**
 * Everything Legwork holds about one person, as a zip (issue 16 "my data"): their profile, then every
 * row of every table with a foreign key to users that points at them, found from the schema itself so
 * a table added later (comments, ...) is exported without being listed here; plus the audit entries
 * about them and their visit notes as a kind of their own.
 */
export async function exportPersonData({ db, now }: { db: Db; now: Date }, input: { userId: string }): Promise<PersonExport> {
  const person = await db.selectFrom('users').selectAll().where('id', '=', input.userId).executeTakeFirst();
  if (!person) throw new DomainError('personNotFound', { name: input.userId });
  const kinds: Record<string, Row[]> = { profile: [person as unknown as Row] };
  const sources = ['users.id'];
  for (const { table, column } of await userReferences(db)) {
    const kind = KIND_NAMES[`${table}.${column}`] ?? (column === 'user_id' || column === 'author_id' ? table : `${table}-${column}`);
    const rows = await sql<Row>`select * from ${sql.table(table)} where ${sql.ref(column)} = ${person.id} order by 1`.execute(db);
    kinds[kind] = rows.rows;
    sources.push(`${table}.${column}`);
  }
  // Not foreign keys: the audit log's subject is text (it may name a team or a customer too).
  kinds['audit-entries-about-me'] = (await sql<Row>`select * from audit_log where subject_id = ${person.id} order by id`.execute(db)).rows;
  sources.push('audit_log.subject_id');
  // Not foreign keys either: what was said to them and by them, kept 30 days (README, "What is stored").
  // Messages to their private chat (replies, reminders) by its ref; the local chat's conversation, in
  // their private chat and, for what they wrote, in groups (its sender is their local id).
  const identities = await db.selectFrom('identities').select(['platform', 'external_id', 'direct_ref']).where('user_id', '=', person.id).execute();
  const refs = identities.flatMap((i) => (i.direct_ref ? [i.direct_ref] : []));
  const localIds = identities.filter((i) => i.platform === 'local').map((i) => i.external_id);
  kinds['messages-to-me'] = refs.length
    ? (await sql<Row>`select id, target_ref, message, status, created_at, sent_at from outbox where target_ref in (${sql.join(refs)}) order by created_at, id`.execute(db)).rows
    : [];
  sources.push('outbox.target_ref');
  const chatWhere = [
    ...(refs.length ? [sql`target_ref in (${sql.join(refs)})`] : []),
    ...(localIds.length ? [sql`("from" = 'user' and sender_id in (${sql.join(localIds)}))`] : []),
  ];
  kinds['chat-messages'] = chatWhere.length
    ? (await sql<Row>`select id, target_ref, "from", sender_name, message, at from local_chat_messages where ${sql.join(chatWhere, sql` or `)} order by at, id`.execute(db)).rows
    : [];
  sources.push('local_chat_messages.target_ref', 'local_chat_messages.sender_id');
  kinds.notes = (
    await db
      .selectFrom('visits as v')
      .innerJoin('customers as c', 'c.id', 'v.customer_id')
      .select(['v.id as visit_id', 'c.name as customer', 'v.started_at', 'v.notes', 'v.next_step', 'v.follow_up_date'])
      .where('v.user_id', '=', person.id)
      .where((eb) => eb.or([eb('v.notes', 'is not', null), eb('v.next_step', 'is not', null)]))
      .orderBy('v.started_at')
      .execute()
  ).map((r) => r as unknown as Row);

  const files: Record<string, Uint8Array> = {
    'legwork-data.json': strToU8(JSON.stringify({ exportedAt: now.toISOString(), person: { id: person.id, name: person.display_name }, kinds }, jsonValue, 2)),
  };
  for (const [kind, rows] of Object.entries(kinds)) files[`${kind}.csv`] = strToU8(toCsv(rows));
  const counts = Object.fromEntries(Object.entries(kinds).map(([kind, rows]) => [kind, rows.length]));
  return { zip: zipSync(files, { mtime: now }), counts, sources };
}

function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** RFC 4180 CSV with a header of every column seen; objects and arrays as JSON; a BOM so Excel reads UTF-8. */
function toCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
