import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Row types of the tables in migrations/. Dates (`date` columns) travel as 'YYYY-MM-DD' strings. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type LocalDate = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type CoordinateSystemColumn = 'wgs84' | 'gcj02';
export type Role = 'admin' | 'manager' | 'rep';
export type LanguageColumn = 'zh-CN' | 'en-US';
export type CheckInStatus = 'verified' | 'outside' | 'unverified';

export interface OrgsTable {
  id: Generated<string>;
  name: string;
  checkin_radius_m: number;
  report_deadline: string;
  default_time_zone: string;
  default_language: LanguageColumn;
  created_at: Timestamp;
  /** Anyone may join a team without the manager's approval. */
  open_joining: ColumnType<boolean, boolean | undefined, boolean>;
  /** A team's members read each other's visit notes on customer cards. */
  share_team_notes: ColumnType<boolean, boolean | undefined, boolean>;
  /** Days exact check-in coordinates are kept; null: LOCATION_RETENTION_DAYS (an org may only shorten it). */
  location_retention_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** Erasing a person keeps the words of their visit notes and reports (work records). */
  keep_work_records: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface OrgTenantsTable {
  platform: string;
  tenant_id: string;
  org_id: string;
}

export interface UsersTable {
  id: Generated<string>;
  org_id: string;
  display_name: string;
  role: Role;
  time_zone: string;
  language: LanguageColumn;
  created_at: Timestamp;
  /** Deactivated by an admin (left the company): no reminders, off boards and digests, messages refused. */
  deactivated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the person's data was erased (issue 16); they are then shown as a numbered former employee. */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The N of "Former employee #N", numbered per org. */
  former_number: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface IdentitiesTable {
  platform: string;
  tenant_id: string;
  external_id: string;
  user_id: string;
  direct_ref: string | null;
  created_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  manager_id: string;
  bound_channel_ref: string | null;
  created_at: Timestamp;
}

export interface TeamMembershipsTable {
  team_id: string;
  user_id: string;
  role: 'manager' | 'rep';
  joined_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  tier: ColumnType<'A' | 'B' | 'C', 'A' | 'B' | 'C' | undefined, 'A' | 'B' | 'C'>;
  lat: number | null;
  lng: number | null;
  original_lat: number | null;
  original_lng: number | null;
  original_system: CoordinateSystemColumn | null;
  address: string | null;
  owner_id: string | null;
  /** This customer's check-in radius in metres (a large campus); null: the org's `checkin_radius_m`. */
  radius_m: ColumnType<number | null, number | null | undefined, number | null>;
  /**
   * Normalized name and aliases with their pinyin and initials (match-customer-name.ts), for the
   * indexed exact lookup; null when not computed yet or when name/aliases changed without them.
   */
  search_keys: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VisitsTable {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  customer_id: string;
  source: 'check_in' | 'note_only';
  started_at: RequiredTimestamp;
  ended_at: Date | null;
  notes: string | null;
  next_step: string | null;
  follow_up_date: LocalDate | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CheckInsTable {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  customer_id: string;
  visit_id: string;
  kind: 'in' | 'out';
  at: RequiredTimestamp;
  lat: number | null;
  lng: number | null;
  original_lat: number | null;
  original_lng: number | null;
  original_system: CoordinateSystemColumn | null;
  accuracy_m: number | null;
  accuracy_flagged: ColumnType<boolean, boolean | undefined, boolean>;
  mocked: ColumnType<boolean, boolean | undefined, boolean>;
  distance_m: number | null;
  radius_m: number;
  status: CheckInStatus;
  source_platform: string;
  created_at: Timestamp;
}

export interface DailyReportSummary {
  visits: number;
  customers: string[];
  verified: number;
  outside: number;
  unverified: number;
  noteOnly: number;
  notes: { customer: string; notes: string | null; nextStep: string | null; followUp: string | null }[];
  followUps: number;
}

export interface DailyReportsTable {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  report_date: LocalDate;
  summary: Json<DailyReportSummary>;
  body: string;
  submitted_at: RequiredTimestamp;
  late: boolean;
  revision: ColumnType<number, number | undefined, number>;
}

export interface ConversationStatesTable {
  user_id: string;
  kind: string;
  data: Json<unknown>;
  expires_at: RequiredTimestamp;
}

export interface ProcessedEventsTable {
  platform: string;
  event_id: string;
  processed_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  org_id: string | null;
  target_ref: string;
  message: Json<unknown>;
  dedupe_key: string | null;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | undefined, 'pending' | 'sent' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Timestamp;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface LocationTokensTable {
  nonce: string;
  user_id: string;
  used_at: Timestamp;
}

export interface LocalDeliveriesTable {
  outbox_id: string;
  target_ref: string;
  text: string;
  message: Json<unknown>;
  delivered_at: Timestamp;
}

/** Both sides of a local web chat conversation (see migrations/20261202050000_local_conversation.ts). */
export interface LocalChatMessagesTable {
  id: Generated<string>;
  target_ref: string;
  from: 'user' | 'bot';
  sender_id: string | null;
  sender_name: string | null;
  event_id: string | null;
  outbox_id: string | null;
  message: Json<unknown>;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  org_id: string | null;
  actor_user_id: string | null;
  action: string;
  subject_id: string | null;
  detail: Json<Record<string, unknown>>;
  at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Partial overrides of the schedule defaults for an org or a team (src/core/schedules/settings.ts). */
export interface ScheduleSettingsTable {
  scope: 'org' | 'team';
  scope_id: string;
  org_id: string;
  settings: Json<unknown>;
  updated_at: Timestamp;
}

export interface UserSchedulePrefsTable {
  user_id: string;
  away_until: LocalDate | null;
  reminders_off: ColumnType<string[], string[] | undefined, string[]>;
  leaderboard_opt_out: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

/** Every scheduled message written to the outbox, by natural key (= the outbox dedupe_key). */
export interface ScheduledSendsTable {
  key: string;
  kind: string;
  org_id: string;
  user_id: string | null;
  team_id: string | null;
  local_date: LocalDate;
  created_at: RequiredTimestamp;
}

/** A request to join a team, waiting for (or decided by) its manager or an admin. */
export interface JoinRequestsTable {
  id: Generated<string>;
  org_id: string;
  team_id: string;
  user_id: string;
  status: ColumnType<'pending' | 'approved' | 'declined', 'pending' | undefined, 'pending' | 'approved' | 'declined'>;
  requested_at: RequiredTimestamp;
  decided_at: Date | null;
  decided_by: string | null;
}

export type VisitPlanState = 'planned' | 'done' | 'missed' | 'cancelled';

/** A visit a person means to make (issue 14); `planned_minute` is minutes after local midnight. */
export interface VisitPlansTable {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  customer_id: string;
  local_date: LocalDate;
  planned_minute: number | null;
  purpose: string | null;
  expected_result: string | null;
  state: ColumnType<VisitPlanState, VisitPlanState | undefined, VisitPlanState>;
  planned_by: string | null;
  visit_id: string | null;
  /** Order of typing (bigserial, read as a string by pg). */
  typed_seq: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Where a person's route starts when the day has no check-in yet. */
export interface PlanStartPointsTable {
  user_id: string;
  lat: number;
  lng: number;
  updated_at: Timestamp;
}

/** Who opened one person's individual history, when and through what (issue 16). */
export interface AccessLogTable {
  id: Generated<string>;
  org_id: string;
  viewer_id: string | null;
  subject_id: string;
  what: string;
  via: 'chat' | 'api' | 'console';
  at: Timestamp;
}

export interface Database {
  orgs: OrgsTable;
  org_tenants: OrgTenantsTable;
  users: UsersTable;
  identities: IdentitiesTable;
  teams: TeamsTable;
  team_memberships: TeamMembershipsTable;
  customers: CustomersTable;
  visits: VisitsTable;
  check_ins: CheckInsTable;
  daily_reports: DailyReportsTable;
  conversation_states: ConversationStatesTable;
  processed_events: ProcessedEventsTable;
  outbox: OutboxTable;
  location_tokens: LocationTokensTable;
  local_deliveries: LocalDeliveriesTable;
  local_chat_messages: LocalChatMessagesTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  schedule_settings: ScheduleSettingsTable;
  user_schedule_prefs: UserSchedulePrefsTable;
  scheduled_sends: ScheduledSendsTable;
  join_requests: JoinRequestsTable;
  visit_plans: VisitPlansTable;
  plan_start_points: PlanStartPointsTable;
  access_log: AccessLogTable;
}

export type User = Selectable<UsersTable>;
export type Org = Selectable<OrgsTable>;
export type Customer = Selectable<CustomersTable>;
export type Visit = Selectable<VisitsTable>;
export type CheckIn = Selectable<CheckInsTable>;
export type NewCheckIn = Insertable<CheckInsTable>;
export type VisitPlan = Selectable<VisitPlansTable>;
