/**
 * Read-only queries for platform UI that is not a conversation turn: a Slack modal prefilled with
 * today's report summary, an App Home page with my today and my week. Nothing here writes: every
 * change still goes through `engine.handle`, so dedupe, identity registration and the outbox stay in
 * one place. Kept deliberately small; add a query only when an adapter needs it.
 */
import type { Kysely } from 'kysely';
import type { Database, DailyReportSummary } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { Language } from '../intents/types.ts';
import { listDayVisits, summarizeVisits } from '../../core/reports/summarize-day.ts';
import { findReport } from '../../core/reports/submit-daily-report.ts';
import { addDays, localDateOf, weekdayOf } from '../dates/local-date.ts';
import { catalogueFor } from '../i18n/catalogue.ts';

/** A platform identity, as adapters know it. */
export interface IdentityKey {
  platform: string;
  tenantId: string;
  externalId: string;
}

export interface PersonSettings {
  language: Language;
  timeZone: string;
  displayName: string;
}

/** What a report form shows before the rep types: today's automatic summary and any earlier text. */
export interface ReportDraft extends PersonSettings {
  date: string;
  /** The summary rendered in the person's language, exactly as the `report` command shows it. */
  summaryText: string;
  summary: DailyReportSummary;
  /** Today's report as already submitted (the form edits it), if any. */
  submittedBody?: string;
}

/** My today and my week (Monday to today, the person's calendar), for a home page. */
export interface PersonOverview extends ReportDraft {
  week: { from: string; to: string; visits: number; verified: number; outside: number; reportsSubmitted: number; reportsLate: number };
}

export interface PersonQueries {
  /** Settings of a registered identity; undefined for someone never seen. */
  settings(identity: IdentityKey): Promise<PersonSettings | undefined>;
  reportDraft(identity: IdentityKey): Promise<ReportDraft | undefined>;
  overview(identity: IdentityKey): Promise<PersonOverview | undefined>;
}

export function createPersonQueries(deps: { db: Kysely<Database>; clock: Clock }): PersonQueries {
  const { db, clock } = deps;

  async function findUser(identity: IdentityKey) {
    return db
      .selectFrom('identities')
      .innerJoin('users', 'users.id', 'identities.user_id')
      .select(['users.id', 'users.language', 'users.time_zone', 'users.display_name'])
      .where('identities.platform', '=', identity.platform)
      .where('identities.tenant_id', '=', identity.tenantId)
      .where('identities.external_id', '=', identity.externalId)
      .executeTakeFirst();
  }

  async function reportDraftOf(user: NonNullable<Awaited<ReturnType<typeof findUser>>>): Promise<ReportDraft> {
    const language = user.language as Language;
    const date = localDateOf(clock.now(), user.time_zone);
    const summary = summarizeVisits(await listDayVisits(db, { userId: user.id, date }));
    const existing = await findReport(db, user.id, date);
    return {
      language,
      timeZone: user.time_zone,
      displayName: user.display_name,
      date,
      summary,
      summaryText: renderSummary(language, date, summary),
      ...(existing ? { submittedBody: existing.body } : {}),
    };
  }

  return {
    async settings(identity) {
      const user = await findUser(identity);
      return user ? { language: user.language as Language, timeZone: user.time_zone, displayName: user.display_name } : undefined;
    },
    async reportDraft(identity) {
      const user = await findUser(identity);
      return user ? reportDraftOf(user) : undefined;
    },
    async overview(identity) {
      const user = await findUser(identity);
      if (!user) return undefined;
      const today = await reportDraftOf(user);
      // weekdayOf is ISO (1 = Monday … 7 = Sunday); the week starts on Monday.
      const from = addDays(today.date, 1 - weekdayOf(today.date));
      const week = { from, to: today.date, visits: 0, verified: 0, outside: 0, reportsSubmitted: 0, reportsLate: 0 };
      for (let date = from; date <= today.date; date = addDays(date, 1)) {
        const day = summarizeVisits(await listDayVisits(db, { userId: user.id, date }));
        week.visits += day.visits;
        week.verified += day.verified;
        week.outside += day.outside;
      }
      const reports = await db
        .selectFrom('daily_reports')
        .select(['late'])
        .where('user_id', '=', user.id)
        .where('report_date', '>=', from)
        .where('report_date', '<=', today.date)
        .execute();
      week.reportsSubmitted = reports.length;
      week.reportsLate = reports.filter((r) => r.late).length;
      return { ...today, week };
    },
  };
}

/** Same wording as the `report` command's summary (handlers/report.ts), without needing a turn. */
function renderSummary(language: Language, date: string, s: DailyReportSummary): string {
  const t = catalogueFor(language);
  return t.reportSummary({
    date,
    visits: s.visits,
    customers: s.customers.join(language === 'zh-CN' ? '、' : ', '),
    verified: s.verified,
    outside: s.outside,
    unverified: s.unverified,
    noteOnly: s.noteOnly,
    notes: s.notes
      .map((n) => t.reportNoteLine({ customer: n.customer, notes: n.notes ?? '', nextStep: n.nextStep ?? '', followUp: n.followUp ?? '' }))
      .join('\n'),
    followUps: s.followUps,
  });
}
