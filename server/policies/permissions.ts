/**
 * Roles and visibility (SPEC section 8) as one permissions table. Services ask `can` or
 * `authorize` before every read and write, so no caller can forget a check.
 */

export type Role = 'admin' | 'member' | 'viewer';
export type Action = 'read' | 'create' | 'update' | 'delete' | 'check_in' | 'align' | 'manage' | 'close';
export type Resource =
  | 'workspace'
  | 'settings'
  | 'person'
  | 'unit'
  | 'cycle'
  | 'objective'
  | 'key_result'
  | 'smart_goal'
  | 'webhook';

/** What the policies know about the person acting. */
export interface ActorScope {
  workspaceId: string;
  personId: string;
  role: Role;
  /** Units the person belongs to (as member or lead). */
  memberUnits: ReadonlySet<string>;
  /** Units the person leads, and every unit below them. */
  ledUnits: ReadonlySet<string>;
  /** People whose manager the person is. */
  reports: ReadonlySet<string>;
}

/** What the policies know about a goal (or a goal about to be created). */
export interface GoalSubject {
  workspaceId: string;
  visibility: 'workspace' | 'unit' | 'private';
  /** The owning unit (objectives), or the owner's unit (SMART goals). */
  unitId: string | null;
  /** The accountable person: the lead or personal owner of an objective, the owner of a KR or SMART goal. */
  ownerIds: readonly (string | null)[];
  /** Whether the goal (or, for an objective, any of its KRs) has check-ins; asked by `delete`. */
  hasCheckIns?: boolean;
}

type Condition = (scope: ActorScope, subject: GoalSubject) => boolean;

interface Rule {
  role: Role | '*';
  action: Action | '*';
  resource: Resource | '*';
  condition?: Condition;
}

const RULES: Rule[] = [];

/** Adds a row to the permissions table. */
function allow(
  role: Rule['role'],
  action: Rule['action'],
  resources: Rule['resource'][],
  condition?: Condition,
) {
  for (const resource of resources)
    RULES.push({ role, action, resource, ...(condition ? { condition } : {}) });
}

const owns: Condition = (scope, goal) => goal.ownerIds.includes(scope.personId);
const leadsUnit: Condition = (scope, goal) => goal.unitId !== null && scope.ledUnits.has(goal.unitId);
const ownsOrLeads: Condition = (scope, goal) => owns(scope, goal) || leadsUnit(scope, goal);
const belongsOrSelf: Condition = (scope, goal) =>
  goal.unitId !== null
    ? scope.memberUnits.has(goal.unitId) || scope.ledUnits.has(goal.unitId)
    : owns(scope, goal);

/** Visibility of a goal (SPEC 8): workspace, unit (members and leads above), private (owner, manager, leads, admins). */
export const isVisible: Condition = (scope, goal) => {
  if (goal.workspaceId !== scope.workspaceId) return false;
  if (scope.role === 'admin' || goal.visibility === 'workspace') return true;
  if (ownsOrLeads(scope, goal)) return true;
  if (goal.visibility === 'unit') return goal.unitId !== null && scope.memberUnits.has(goal.unitId);
  return goal.ownerIds.some((id) => id !== null && scope.reports.has(id));
};

const GOALS: Resource[] = ['objective', 'key_result', 'smart_goal'];

allow('admin', '*', ['*']);
allow('*', 'read', ['workspace', 'person', 'unit', 'cycle']);
allow('*', 'read', GOALS, isVisible);
allow('member', 'create', ['objective'], belongsOrSelf);
allow('member', 'create', ['smart_goal'], ownsOrLeads);
allow('member', 'create', ['key_result'], ownsOrLeads);
allow('member', 'update', GOALS, ownsOrLeads);
// A goal created by mistake: whoever may edit it may delete it while nothing was checked in on it;
// afterwards only admins, and everyone else drops (archives) it instead.
allow('member', 'delete', GOALS, (scope, goal) => goal.hasCheckIns === false && ownsOrLeads(scope, goal));
allow('member', 'align', ['objective', 'smart_goal'], ownsOrLeads);
allow('member', 'check_in', ['key_result', 'smart_goal'], ownsOrLeads);

/**
 * Whether the actor may do `action` on `resource` (and on `subject`, for goals). Everything in
 * another workspace is refused, whatever the role.
 *
 * @example
 * can(scope, 'check_in', 'key_result', subject) // true for the KR's owner
 */
export function can(scope: ActorScope, action: Action, resource: Resource, subject?: GoalSubject): boolean {
  if (subject && subject.workspaceId !== scope.workspaceId) return false;
  return RULES.some(
    (rule) =>
      (rule.role === '*' || rule.role === scope.role) &&
      (rule.action === '*' || rule.action === action) &&
      (rule.resource === '*' || rule.resource === resource) &&
      (!rule.condition || (subject !== undefined && rule.condition(scope, subject))),
  );
}
