import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { audit } from '../shared/audit.ts';
import type { Db } from '../shared/db.ts';
import { inTransaction } from '../shared/in-transaction.ts';
import { DomainError } from '../shared/domain-error.ts';
import { coarsenPersonLocations } from './coarsen-locations.ts';
import { auditDetail, loadOffboardingSubject, type OffboardingActor, type OffboardingAudit } from './deactivate-user.ts';
import { erasedWords, formerEmployeeName } from './former-employee-name.ts';
import { textColumns } from './text-columns.ts';

/** What is left where platform ids stood in stored text (delivery logs, audit details). */
const ERASED_ID = '[erased]';

export interface ErasureResult {
  userId: string;
  formerNumber: number;
  displayName: string;
}

/**
 * Erases a person, all or nothing (in the caller's transaction, or a new one):
 * - they become "已离职员工 #N" / "Former employee #N" (N counted per org, in the org's language) and
 *   stay deactivated; their identities (platform ids, private chat refs) are deleted;
 * - messages waiting for or delivered to their private chat are deleted, and their name and platform
 *   ids are replaced in every other stored text (found from the schema, so later tables are covered);
 * - the coordinates of their check-ins are coarsened to about 1 km at once, their route start point deleted;
 * - the words of their visit notes, reports and plans are removed, unless the org keeps work records
 *   (a visit's notes and next step read "（已删除）" / "(erased)": the board scored that it had them);
 * - charts naming them are deleted (a name drawn in a picture cannot be scrubbed);
 * Check-ins, visits and reports stay as facts (time, customer, status, distance), so past leaderboards
 * and team totals are unchanged. The audit row says that an erasure happened, not what was erased.
 * Erasing someone already erased changes nothing and returns the same number.
 */
export async function eraseUser({ db, now }: { db: Db; now: Date }, input: { by: OffboardingActor; userId: string } & OffboardingAudit): Promise<ErasureResult> {
  return inTransaction(db, async (trx) => {
    const person = await loadOffboardingSubject(trx, input.by, input.userId);
    if (input.by && person.id === input.by.id) throw new DomainError('privacyNotYourself');
    if (person.erased_at && person.former_number !== null) {
      return { userId: person.id, formerNumber: person.former_number, displayName: person.display_name };
    }
    const org = await trx.selectFrom('orgs').selectAll().where('id', '=', person.org_id).forUpdate().executeTakeFirstOrThrow();
    // The org row is locked: two erasures in one org cannot take the same number.
    const last = await trx.selectFrom('users').select((eb) => eb.fn.max('former_number').as('n')).where('org_id', '=', org.id).executeTakeFirst();
    const formerNumber = Number(last?.n ?? 0) + 1;
    const displayName = formerEmployeeName(org.default_language, formerNumber);

    const identities = await trx.selectFrom('identities').select(['external_id', 'direct_ref']).where('user_id', '=', person.id).execute();
    const refs = identities.flatMap((i) => (i.direct_ref ? [i.direct_ref] : []));
    if (refs.length > 0) {
      // Their private chat: reminders not yet sent and what was said there. Nobody reads it any more.
      await trx.deleteFrom('outbox').where('target_ref', 'in', refs).execute();
      await trx.deleteFrom('local_deliveries').where('target_ref', 'in', refs).execute();
      await trx.deleteFrom('local_chat_messages').where('target_ref', 'in', refs).execute();
    }
    await trx.deleteFrom('identities').where('user_id', '=', person.id).execute();
    await trx.deleteFrom('conversation_states').where('user_id', '=', person.id).execute();
    await trx.deleteFrom('plan_start_points').where('user_id', '=', person.id).execute();
    await trx.deleteFrom('location_tokens').where('user_id', '=', person.id).execute();
    await coarsenPersonLocations(trx, person.id);
    if (!org.keep_work_records) await removeWorkWords(trx, person.id, erasedWords(org.default_language));
    // Charts are pictures: the scrub below cannot rewrite a name drawn in one. Those naming the person
    // (their text alternative says whom a chart shows) are deleted; their links answer 404 from now on.
    await trx.deleteFrom('chart_images').where('org_id', '=', person.org_id).where(sql<boolean>`strpos(alt, ${person.display_name}) > 0`).execute();

    await trx
      .updateTable('users')
      .set({ display_name: displayName, erased_at: now, former_number: formerNumber, deactivated_at: person.deactivated_at ?? now })
      .where('id', '=', person.id)
      .execute();
    // Longest first, so an id containing another (a ref holding the external id) is replaced whole.
    const ids = [...new Set(identities.flatMap((i) => [i.direct_ref, i.external_id]).filter((v): v is string => !!v))].sort((a, b) => b.length - a.length);
    await scrubText(trx, [
      { term: person.display_name, replacement: displayName, keep: await longerNamesContaining(trx, person.org_id, person.id, person.display_name) },
      ...ids.map((term) => ({ term, replacement: ERASED_ID })),
    ]);
    await audit(trx, input.by ?? { id: null, org_id: person.org_id }, 'user.erased', person.id, auditDetail(input));
    return { userId: person.id, formerNumber, displayName };
  });
}

/**
 * The free text a person wrote: visit notes and next steps, report words, plan purposes, replies to
 * others. A visit's notes and next step are replaced by `marker`, not emptied: whether a visit had
 * them is what the leaderboard scores (notesAndNextStep), so past boards and totals stay the same.
 */
async function removeWorkWords(trx: Transaction<Database>, userId: string, marker: string): Promise<void> {
  await sql`
    update visits set
      notes = case when btrim(notes) <> '' then ${marker} else notes end,
      next_step = case when btrim(next_step) <> '' then ${marker} else next_step end
    where user_id = ${userId} and (btrim(notes) <> '' or btrim(next_step) <> '')`.execute(trx);
  // A manager's replies on others' reports and visits are their words too; a 👍 has none.
  await trx.updateTable('comments').set({ text: null }).where('author_id', '=', userId).where('kind', '=', 'text').execute();
  await trx.updateTable('visit_plans').set({ purpose: null, expected_result: null }).where('user_id', '=', userId).execute();
  // The summary's counts and customers stay (they are the day's facts); the notes inside it go.
  await sql`
    update daily_reports set body = '',
      summary = jsonb_set(summary, '{notes}', coalesce((
        select jsonb_agg(n || '{"notes": null, "nextStep": null}'::jsonb order by i)
        from jsonb_array_elements(summary->'notes') with ordinality e(n, i)), '[]'::jsonb))
    where user_id = ${userId}`.execute(trx);
}

/**
 * Names of other people and of customers in the org that contain `name` (`张三丰` for `张三`):
 * Chinese has no spaces between words, so only these tell a mention of the person from a part of
 * someone else's name.
 */
async function longerNamesContaining(trx: Transaction<Database>, orgId: string, personId: string, name: string): Promise<string[]> {
  if (name.trim() === '') return [];
  const rows = await sql<{ name: string }>`
    select display_name as name from users where org_id = ${orgId} and id <> ${personId} and strpos(display_name, ${name}) > 0 and display_name <> ${name}
    union
    select name from customers where org_id = ${orgId} and strpos(name, ${name}) > 0 and name <> ${name}`.execute(trx);
  return rows.rows.map((r) => r.name);
}

/**
 * Replaces each term in every text, JSON and text-array column of every table. A term that starts or
 * ends with a letter or digit is matched as a whole word (`Li` never rewrites `Lisa`); a term inside
 * one of its `keep` names (`张三` in `张三丰`) is left there. People's names themselves are never
 * rewritten: the person's own was replaced above, and someone else of the same name keeps theirs.
 */
async function scrubText(trx: Transaction<Database>, replacements: { term: string; replacement: string; keep?: readonly string[] }[]): Promise<void> {
  const columns = (await textColumns(trx)).filter((c) => !(c.table === 'users' && c.column === 'display_name'));
  for (const { term, replacement, keep = [] } of replacements) {
    if (term.trim() === '') continue;
    const plain = { pattern: keepOut(term, keep, (x) => x) + wordPattern(term), replacement: escapeReplacement(replacement) };
    // In JSON text a string is escaped (quotes, backslashes): match and replace its escaped form.
    const escape = (x: string) => JSON.stringify(x).slice(1, -1);
    const json = { pattern: keepOut(term, keep, escape) + wordPattern(escape(term)), replacement: escapeReplacement(escape(replacement)) };
    for (const { table, column, type } of columns) {
      const t = sql.table(table);
      const c = sql.ref(column);
      if (type === 'text') {
        await sql`update ${t} set ${c} = regexp_replace(${c}, ${plain.pattern}, ${plain.replacement}, 'g') where ${c} ~ ${plain.pattern}`.execute(trx);
      } else if (type === 'json') {
        await sql`update ${t} set ${c} = regexp_replace(${c}::text, ${json.pattern}, ${json.replacement}, 'g')::jsonb where ${c}::text ~ ${json.pattern}`.execute(trx);
      } else {
        await sql`update ${t} set ${c} = array(select regexp_replace(x, ${plain.pattern}, ${plain.replacement}, 'g') from unnest(${c}) with ordinality u(x, i) order by i)
          where exists (select 1 from unnest(${c}) x where x ~ ${plain.pattern})`.execute(trx);
      }
    }
  }
}

/** A PostgreSQL regular expression matching `term` literally, as a whole word where it starts or ends with one. */
function wordPattern(term: string): string {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = /^\w/u.test(term) ? '\\m' : '';
  const end = /\w$/u.test(term) ? '\\M' : '';
  return `${start}${escaped}${end}`;
}

/**
 * Constraints (PostgreSQL AREs) placed before `term` so that it does not match where it is part of
 * one of `names`: for each place `term` occurs in a name, "not preceded by the name's part before it,
 * or not followed by the name's part after it".
 */
function keepOut(term: string, names: readonly string[], encode: (text: string) => string): string {
  const literal = (text: string) => encode(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts: string[] = [];
  for (const name of names) {
    for (let at = name.indexOf(term); at !== -1; at = name.indexOf(term, at + 1)) {
      const before = name.slice(0, at);
      const after = name.slice(at + term.length);
      const notBefore = before ? `(?<!${literal(before)})` : '';
      const notAfter = after ? `(?!${literal(term + after)})` : '';
      parts.push(notBefore && notAfter ? `(?:${notBefore}|${notAfter})` : notBefore || notAfter);
    }
  }
  return parts.join('');
}

/** regexp_replace reads `\` and `&` in the replacement specially. */
function escapeReplacement(text: string): string {
  return text.replace(/[\\&]/g, '\\$&');
}

