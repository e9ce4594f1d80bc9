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
  /** Leaderboards and digests carry a chart beside their text (issue 18); false: text only. */
  charts: ColumnType<boolean, boolean | undefined, boolean>;
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
  /** When they joined the org, by the app's clock (their first message): no report was due before that day. */
  joined_at: Timestamp;
  /** When `time_zone` last changed (null: never since registering). */
  time_zone_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
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
  /** The rep's local date when the visit started, fixed at write time (a database trigger fills it if omitted). */
  local_date: ColumnType<string, string | undefined, string>;
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
  /** Parts of a multi-part message already delivered (migrations/20261205030000_send_records.ts). */
  parts_sent: ColumnType<number, number | undefined, number>;
}

/** One WeCom group robot message sent, by a digest of the robot's key: the 20-a-minute limit across processes. */
export interface RobotSendsTable {
  robot: string;
  sent_at: Date;
}

/** A DingTalk robot message's session webhook, until it expires (migrations/20261205031000_dingtalk_session_webhooks.ts). */
export interface DingTalkSessionWebhooksTable {
  event_id: string;
  conversation_ref: string;
  url: string;
  expires_at: Date;
  sender_user_id: string;
  is_group: boolean;
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
  /** Alert kinds this manager switched off (src/core/alerts). */
  alerts_off: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: Timestamp;
}

/** Days a person said they were away (`请假 到 周五`), local dates inclusive: kept for looking back. */
export interface AwayPeriodsTable {
  id: Generated<string>;
  user_id: string;
  first_date: LocalDate;
  last_date: LocalDate;
  created_at: Timestamp;
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

/** A rendered chart (issue 18): PNG bytes kept 7 days, served at `/i/<token>.png`. */
export interface ChartImagesTable {
  id: Generated<string>;
  /** What it shows: one picture per post (see src/charts/chart-store.ts). */
  key: string;
  org_id: string;
  kind: string;
  png: Buffer;
  alt: string;
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

export type AlertKind = 'offsite' | 'mocked' | 'lateReport' | 'joinRequest' | 'joined';

/** What an alert tells, stored when raised (names as they were then). */
export interface AlertDetail {
  person: string;
  customer?: string;
  distanceM?: number;
  radiusM?: number;
  /** When it happened (ISO instant). */
  at: string;
  /** A late report's date. */
  date?: string;
  /** The team a join request is for, or the team someone joined. */
  team?: string;
}

/** An alert to a rep's manager, waiting for its batch (or sent in one). */
export interface ManagerAlertsTable {
  id: Generated<string>;
  org_id: string;
  manager_id: string;
  subject_user_id: string;
  kind: AlertKind;
  natural_key: string;
  detail: Json<AlertDetail>;
  created_at: RequiredTimestamp;
  sent_at: Date | null;
  batch_key: string | null;
}

/** When a manager was last sent an alert message: the start of their 10-minute window. */
export interface AlertWindowsTable {
  manager_id: string;
  last_sent_at: RequiredTimestamp;
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

/** A per-org admin API token (issue 15): only its SHA-256 is stored; a revoked one keeps its row. */
export interface ApiTokensTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** A manager's reply or 👍 on a report or a visit (issue 15); exactly one of report_id, visit_id. */
export interface CommentsTable {
  id: Generated<string>;
  org_id: string;
  report_id: string | null;
  visit_id: string | null;
  /** The rep whose report or visit it is: who receives it. */
  subject_user_id: string;
  author_id: string | null;
  kind: 'text' | 'like';
  /** Null for a 👍. */
  text: string | null;
  created_at: Timestamp;
  /** Order of writing (bigserial, read as a string by pg). */
  seq: ColumnType<string, never, never>;
  /** When the rep saw it (today, the report card, the console); null while unread. */
  read_at: Date | null;
}

/** A manager or admin opened a report (the digest marks it read). */
export interface ReportReadsTable {
  report_id: string;
  reader_id: string;
  read_at: Timestamp;
}

/** Spent one-time console links. */
export interface ConsoleLinkNoncesTable {
  nonce: string;
  user_id: string;
  used_at: Timestamp;
}

/** A console session; the cookie value is only ever stored as its SHA-256 (`token_hash`). */
export interface ConsoleSessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  revoked_at: Date | null;
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
  robot_sends: RobotSendsTable;
  dingtalk_session_webhooks: DingTalkSessionWebhooksTable;
  location_tokens: LocationTokensTable;
  local_deliveries: LocalDeliveriesTable;
  local_chat_messages: LocalChatMessagesTable;
  chart_images: ChartImagesTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  schedule_settings: ScheduleSettingsTable;
  user_schedule_prefs: UserSchedulePrefsTable;
  away_periods: AwayPeriodsTable;
  scheduled_sends: ScheduledSendsTable;
  join_requests: JoinRequestsTable;
  visit_plans: VisitPlansTable;
  plan_start_points: PlanStartPointsTable;
  api_tokens: ApiTokensTable;
  comments: CommentsTable;
  report_reads: ReportReadsTable;
  console_link_nonces: ConsoleLinkNoncesTable;
  console_sessions: ConsoleSessionsTable;
  manager_alerts: ManagerAlertsTable;
  alert_windows: AlertWindowsTable;
  access_log: AccessLogTable;
}

export type User = Selectable<UsersTable>;
export type Org = Selectable<OrgsTable>;
export type Customer = Selectable<CustomersTable>;
export type Visit = Selectable<VisitsTable>;
export type CheckIn = Selectable<CheckInsTable>;
export type NewCheckIn = Insertable<CheckInsTable>;
export type VisitPlan = Selectable<VisitPlansTable>;
export type Comment = Selectable<CommentsTable>;
export type DailyReport = Selectable<DailyReportsTable>;
