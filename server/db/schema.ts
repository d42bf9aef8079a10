/**
 * Kysely table types. Tables are plural snake_case in the database; columns are camelCase here
 * (the `CamelCasePlugin` maps them). Instants are epoch milliseconds (`bigint`), calendar dates
 * `YYYY-MM-DD` text, booleans 0/1 integers and structured values JSON text, so that one schema and
 * one set of queries serve SQLite and PostgreSQL alike.
 */

/** 0 or 1: booleans are stored as integers on both dialects. */
export type Bit = 0 | 1;

export interface WorkspacesTable {
  id: string;
  name: string;
  /** JSON of `WorkspaceSettings` (server/services/settings.ts). */
  settings: string;
  version: number;
  /** A stamp that triggers change with every change to people, units or memberships (migration 0005). */
  directoryVersion: number;
  /** 1 while the rollup backlog holds marks for this workspace (migration 0006). */
  rollupsPending: Bit;
  createdAt: number;
}

/** An aligned KR whose rollup (and everything above it) waits to be recomputed (migration 0006). */
export interface RollupBacklogTable {
  workspaceId: string;
  keyResultId: string;
  markedAt: number;
}

export interface PeopleTable {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: 'admin' | 'member' | 'viewer';
  timeZone: string;
  managerId: string | null;
  isActive: Bit;
  createdAt: number;
}

export interface UnitsTable {
  id: string;
  workspaceId: string;
  parentId: string | null;
  name: string;
  createdAt: number;
}

export interface UnitMembersTable {
  workspaceId: string;
  unitId: string;
  personId: string;
  isLead: Bit;
}

export interface CyclesTable {
  id: string;
  workspaceId: string;
  name: string;
  kind: 'quarter' | 'year' | 'custom';
  startDate: string;
  endDate: string;
  parentId: string | null;
  state: 'planning' | 'active' | 'closed';
  closedAt: number | null;
  createdAt: number;
}

/** Columns the rollups keep current in the transaction of each check-in (migration 2). */
export interface RollupColumns {
  progress: number | null;
  score: number | null;
  latestValue: number | null;
  latestCheckinAt: number | null;
  /** Number of check-ins; doubles as the entry-order sequence of the next one. */
  checkinCount: number;
  /**
   * JSON of the facts of the check-ins that do not move with the clock (`storedFacts` in
   * services/evaluation.ts), or null; read only while current (migration 20261202T0520).
   */
  facts: string | null;
  /** Score and grade frozen at close-out (null while the cycle is open). */
  frozenScore: number | null;
  frozenGrade: number | null;
}

export interface ObjectivesTable {
  id: string;
  workspaceId: string;
  cycleId: string;
  title: string;
  description: string | null;
  kind: 'aspirational' | 'committed' | null;
  unitId: string | null;
  ownerId: string | null;
  leadId: string | null;
  visibility: 'workspace' | 'unit' | 'private';
  state: 'draft' | 'active' | 'closed' | 'dropped';
  predecessorId: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  progress: number | null;
  score: number | null;
  latestCheckinAt: number | null;
  frozenScore: number | null;
  frozenGrade: number | null;
}

export interface KeyResultsTable extends RollupColumns {
  id: string;
  workspaceId: string;
  objectiveId: string;
  title: string;
  /** JSON of a `Measure`, or null for a draft. */
  measure: string | null;
  weight: number;
  ownerId: string | null;
  /** JSON of `{date, expected}[]`. */
  plan: string;
  /** Null inherits the workspace's cadence. */
  cadence: 'weekly' | 'biweekly' | 'monthly' | null;
  progressSource: 'metric' | 'aligned';
  isLeading: Bit;
  position: number;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface SmartGoalsTable extends RollupColumns {
  id: string;
  workspaceId: string;
  cycleId: string;
  title: string;
  definitionOfDone: string | null;
  ownerId: string;
  /** The owner's unit when the goal was written: the unit of `unit` visibility. */
  unitId: string | null;
  measure: string | null;
  startDate: string;
  dueDate: string;
  achievability: string | null;
  visibility: 'workspace' | 'unit' | 'private';
  state: 'draft' | 'open' | 'done' | 'missed' | 'dropped';
  cadence: 'weekly' | 'biweekly' | 'monthly' | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export type ChildType = 'objective' | 'smart_goal';
export type ParentType = 'objective' | 'key_result';

export interface AlignmentsTable {
  id: string;
  workspaceId: string;
  childType: ChildType;
  childId: string;
  parentType: ParentType;
  parentId: string;
  weight: number;
  createdAt: number;
}

export type CheckinSource = 'web' | 'api' | 'cli' | 'import' | 'email' | 'integration';

export interface CheckInsTable {
  id: string;
  workspaceId: string;
  goalType: 'key_result' | 'smart_goal';
  goalId: string;
  /** Entry order within the goal, for ties at the same moment. */
  seq: number;
  at: number;
  value: number | null;
  /** JSON list of milestone names done, or null. */
  done: string | null;
  confidence: number | null;
  note: string | null;
  authorId: string;
  source: CheckinSource;
  correctsId: string | null;
  createdAt: number;
}

export interface EventsTable {
  id: string;
  workspaceId: string;
  actorType: 'person' | 'token' | 'system';
  actorId: string | null;
  /** The API token the change was made with, when it was (migration 0007). */
  actorTokenId: string | null;
  at: number;
  source: CheckinSource | 'system';
  entityType: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
  isEditedAfterClose: Bit;
}

export interface CycleClosingsTable {
  id: string;
  workspaceId: string;
  cycleId: string;
  closedAt: number;
  closedBy: string;
  reopenedAt: number | null;
  reopenedBy: string | null;
  reopenReason: string | null;
}

export interface CloseOutsTable {
  id: string;
  workspaceId: string;
  closingId: string;
  goalType: 'objective' | 'key_result' | 'smart_goal';
  goalId: string;
  score: number | null;
  grade: number | null;
  rootCauseTag: string | null;
  rootCauseNote: string | null;
  decision: 'continue' | 'modify' | 'drop' | null;
  learned: string | null;
  successorId: string | null;
}

export interface IdempotencyKeysTable {
  workspaceId: string;
  key: string;
  personId: string;
  /** JSON of the first result. */
  response: string;
  createdAt: number;
}

/** A sign-in identity (migration 3): email and argon2id hash. */
export interface AccountsTable {
  id: string;
  email: string;
  passwordHash: string;
  createdAt: number;
  updatedAt: number;
}

/** Which person an account is in each workspace (made by sign-up and accepted invitations only). */
export interface AccountMembershipsTable {
  accountId: string;
  workspaceId: string;
  personId: string;
  createdAt: number;
}

/** A browser session; `tokenHash` is the SHA-256 of the cookie's secret. */
export interface SessionsTable {
  id: string;
  tokenHash: string;
  csrfToken: string;
  accountId: string;
  workspaceId: string;
  personId: string;
  createdAt: number;
  expiresAt: number;
}

/** A personal API token; only its SHA-256 is stored. */
export interface ApiTokensTable {
  id: string;
  workspaceId: string;
  personId: string;
  name: string;
  tokenHash: string;
  /** The first characters of the token, to recognise it in a list. */
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** An invitation link to join a workspace as an existing person record. */
export interface InvitationsTable {
  id: string;
  workspaceId: string;
  personId: string;
  tokenHash: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
}

/** One-time password reset links (migration 20261201T2020): the secret's hash, used once, expiring. */
export interface PasswordResetsTable {
  id: string;
  workspaceId: string;
  personId: string;
  accountId: string;
  tokenHash: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

/** Failed sign-ins per key (an email or a client address), for rate limiting and lock-out. */
export interface SignInFailuresTable {
  key: string;
  failures: number;
  windowStart: number;
  lockedUntil: number | null;
}

/** Instance-wide facts, such as the first workspace having been created. */
export interface InstanceFactsTable {
  key: string;
  value: string;
  createdAt: number;
}

/** An outgoing webhook endpoint of a workspace (migration 4). */
export interface WebhooksTable {
  id: string;
  workspaceId: string;
  url: string;
  description: string;
  /** JSON list of event patterns: `*`, `entity_type.*` or `entity_type.action`. */
  events: string;
  /** The Standard Webhooks signing secret (`whsec_` + base64), kept as is because signing needs it. */
  secret: string;
  isEnabled: Bit;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** One event for one webhook: the outbox row and its delivery log (migration 4). */
export interface WebhookDeliveriesTable {
  /** The Standard Webhooks message id (`webhook-id`), the same on every attempt. */
  id: string;
  workspaceId: string;
  webhookId: string;
  eventId: string;
  /** The exact JSON body sent (and signed). */
  payload: string;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: number;
  /** Lease: a dispatcher holds the delivery until then (0 when nobody does). */
  lockedUntil: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
  createdAt: number;
}

/** Where a job is: waiting (`queued`), claimed (`running`, with a lease), or finished. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

/** One piece of background work (`server/jobs/`, migration 20261201T2000-jobs). */
export interface JobsTable {
  id: string;
  /** The job definition's id, such as `webhooks.deliver`. */
  name: string;
  /** The definition's version when the job was queued. */
  version: number;
  /** Unique when set: a scheduled slot or a fanned-out item is queued once. */
  key: string | null;
  /** JSON, validated by the definition's schema before it runs. */
  input: string;
  state: JobState;
  /** Due from this instant (the next attempt's, after a failure). */
  runAt: number;
  /** Attempts started so far (a claim counts one, so a crash counts too). */
  attempts: number;
  maxAttempts: number;
  /** The lease: a claim holds the job until then; after that another node may take it over. */
  lockedUntil: number;
  /** The node holding (or last holding) the lease. */
  lockedBy: string | null;
  lastError: string | null;
  createdAt: number;
  /** When the current (or last) run started. */
  startedAt: number | null;
  finishedAt: number | null;
}

/** How one run of a job ended; `lost` when its lease ran out (a crash) and another node took over. */
export type JobOutcome = 'succeeded' | 'retry' | 'failed' | 'lost';

/** One run of a job and its outcome. */
export interface JobRunsTable {
  id: string;
  jobId: string;
  attempt: number;
  node: string;
  outcome: JobOutcome;
  error: string | null;
  startedAt: number;
  finishedAt: number;
}

/** A Slack or Teams incoming webhook of a workspace (`unitId` null) or a unit (migration 20261202T0200). */
export interface ChatWebhooksTable {
  id: string;
  workspaceId: string;
  kind: 'slack' | 'teams';
  unitId: string | null;
  /** The incoming-webhook URL: a secret (whoever has it may post), never shown back in full. */
  url: string;
  description: string;
  createdBy: string;
  createdAt: number;
}

/** A person's secret iCalendar feed (migration 20261202T0200): only the secret's SHA-256. */
export interface CalendarFeedsTable {
  personId: string;
  workspaceId: string;
  secretHash: string;
  createdAt: number;
  lastReadAt: number | null;
}

/** The key of a goal in goals files, per cycle (imports and exports). */
export interface GoalKeysTable {
  workspaceId: string;
  cycleId: string;
  key: string;
  goalType: 'objective' | 'key_result' | 'smart_goal';
  goalId: string;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  workspaces: WorkspacesTable;
  people: PeopleTable;
  units: UnitsTable;
  unitMembers: UnitMembersTable;
  cycles: CyclesTable;
  objectives: ObjectivesTable;
  keyResults: KeyResultsTable;
  goalKeys: GoalKeysTable;
  smartGoals: SmartGoalsTable;
  alignments: AlignmentsTable;
  checkIns: CheckInsTable;
  events: EventsTable;
  cycleClosings: CycleClosingsTable;
  closeOuts: CloseOutsTable;
  idempotencyKeys: IdempotencyKeysTable;
  accounts: AccountsTable;
  accountMemberships: AccountMembershipsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  invitations: InvitationsTable;
  passwordResets: PasswordResetsTable;
  signInFailures: SignInFailuresTable;
  instanceFacts: InstanceFactsTable;
  webhooks: WebhooksTable;
  webhookDeliveries: WebhookDeliveriesTable;
  rollupBacklog: RollupBacklogTable;
  jobs: JobsTable;
  jobRuns: JobRunsTable;
  chatWebhooks: ChatWebhooksTable;
  calendarFeeds: CalendarFeedsTable;
  notifications: NotificationsTable;
  notificationPreferences: NotificationPreferencesTable;
}

/** One message handed (or not) to one channel: the log an admin reads (migration 20261202T0100). */
export interface NotificationsTable {
  id: string;
  workspaceId: string;
  /** The recipient, when a person (a test email may go to any address). */
  personId: string | null;
  kind: 'reminder' | 'escalation' | 'digest' | 'test' | 'password-reset' | 'invitation';
  channel: 'email' | 'slack' | 'teams';
  destination: string;
  subject: string;
  /** Unique when set: `reminder:<person>:<occasion>:<channel>`, `digest:...`. */
  key: string | null;
  /** `sent`; `retrying` (a send failed, the job tries again); `failed` (no attempt left). */
  state: 'sent' | 'retrying' | 'failed';
  attempts: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

/** A person's own notification choices. */
export interface NotificationPreferencesTable {
  personId: string;
  workspaceId: string;
  /** JSON array of channel ids; null: every channel the workspace uses. */
  channels: string | null;
  /** No reminders or digests before this instant ("away until"); null: not paused. */
  pausedUntil: number | null;
  updatedAt: number;
}
