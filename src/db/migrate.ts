import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as core from '../../migrations/20261127000000_core.ts';
import * as scheduler from '../../migrations/20261127120000_scheduler.ts';
import * as customerSearchKeys from '../../migrations/20261128000000_customer_search_keys.ts';
import * as scheduledSendsLedger from '../../migrations/20261128010000_scheduled_sends_ledger.ts';
import * as outboxWithoutDueIndex from '../../migrations/20261128020000_outbox_without_due_index.ts';
import * as joinRequests from '../../migrations/20261202010000_join_requests.ts';
import * as visitPlans from '../../migrations/20261202020000_visit_plans.ts';
import * as localConversation from '../../migrations/20261202050000_local_conversation.ts';
import * as checkInsVisitIndex from '../../migrations/20261202080000_check_ins_visit_index.ts';
import * as customerRadius from '../../migrations/20261202110000_customer_radius.ts';
import * as apiTokens from '../../migrations/20261203030000_api_tokens.ts';
import * as reportsWithoutDateIndex from '../../migrations/20261203000000_reports_without_date_index.ts';
import * as commentsAndConsole from '../../migrations/20261203040000_comments_and_console.ts';
import * as chartImages from '../../migrations/20261203060000_chart_images.ts';
import * as managerAlerts from '../../migrations/20261203010000_manager_alerts.ts';
import * as recordLocalDates from '../../migrations/20261203011000_record_local_dates.ts';
import * as privacy from '../../migrations/20261203050000_privacy.ts';
import * as planSuggestionIndexes from '../../migrations/20261204030000_plan_suggestion_indexes.ts';
import * as sendRecords from '../../migrations/20261205030000_send_records.ts';
import * as dingtalkSessionWebhooks from '../../migrations/20261205031000_dingtalk_session_webhooks.ts';
import * as boardIndexOnly from '../../migrations/20261204010000_board_index_only.ts';
import * as joinedAlerts from '../../migrations/20261206020000_joined_alerts.ts';
import * as awayPeriods from '../../migrations/20261208010000_away_periods.ts';
import * as usersJoinedAt from '../../migrations/20261208011000_users_joined_at.ts';

/**
 * Migrations are listed here rather than read from disk so the same list works under tsx, vitest
 * and a bundler. Add each new file of migrations/ to this map, keeping the timestamped name.
 */
const migrations: Record<string, Migration> = {
  '20261127000000_core': core,
  '20261127120000_scheduler': scheduler,
  '20261128000000_customer_search_keys': customerSearchKeys,
  '20261128010000_scheduled_sends_ledger': scheduledSendsLedger,
  '20261128020000_outbox_without_due_index': outboxWithoutDueIndex,
  '20261202010000_join_requests': joinRequests,
  '20261202020000_visit_plans': visitPlans,
  '20261202050000_local_conversation': localConversation,
  '20261202080000_check_ins_visit_index': checkInsVisitIndex,
  '20261202110000_customer_radius': customerRadius,
  '20261203030000_api_tokens': apiTokens,
  '20261203000000_reports_without_date_index': reportsWithoutDateIndex,
  '20261203040000_comments_and_console': commentsAndConsole,
  '20261203060000_chart_images': chartImages,
  '20261203010000_manager_alerts': managerAlerts,
  '20261203011000_record_local_dates': recordLocalDates,
  '20261203050000_privacy': privacy,
  '20261204030000_plan_suggestion_indexes': planSuggestionIndexes,
  '20261204010000_board_index_only': boardIndexOnly,
  '20261205030000_send_records': sendRecords,
  '20261205031000_dingtalk_session_webhooks': dingtalkSessionWebhooks,
  '20261206020000_joined_alerts': joinedAlerts,
  '20261208010000_away_periods': awayPeriods,
  '20261208011000_users_joined_at': usersJoinedAt,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}

/** The names of the migrations applied to `db`, oldest first. */
export async function listAppliedMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  return (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).map((m) => m.name);
}
