import { z } from '@hono/zod-openapi';
import { measureSchema } from '../../core/measure';
import { cadenceSchema, objectiveKindSchema } from '../../core/settings';
import { FLAGS, STATUSES } from '../../core/status';
import { workspaceSettingsSchema } from '../services/workspace-settings';

/**
 * Response schemas of the API, one per view the services return. They document the output in
 * the OpenAPI document and the HTTP tests parse every response with them.
 */

const instant = z.number().int().openapi({ description: 'epoch milliseconds' });
const date = z.string().openapi({ example: '2026-10-01', description: 'a calendar date, YYYY-MM-DD' });
const visibility = z.enum(['workspace', 'unit', 'private']);
/**
 * Documented as the measure schema; typed `unknown` because services return the stored JSON as
 * it was validated on the way in.
 */
const measure = measureSchema.nullable().clone().openapi('Measure') as unknown as z.ZodType<unknown>;
const link = z.object({
  parentType: z.enum(['objective', 'key_result']),
  parentId: z.string(),
  weight: z.number(),
});

export const workspaceSchema = z
  .object({ id: z.string(), name: z.string(), version: z.number().int(), settings: workspaceSettingsSchema })
  .openapi('Workspace');

export const personSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'member', 'viewer']),
    timeZone: z.string(),
    managerId: z.string().nullable(),
    isActive: z.boolean(),
  })
  .openapi('Person');

export const unitSummarySchema = z
  .object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })
  .openapi('UnitSummary');

export const unitSchema = unitSummarySchema
  .extend({ leads: z.array(z.string()), members: z.array(z.string()) })
  .openapi('Unit');

export const cycleSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    kind: z.enum(['quarter', 'year', 'custom']),
    startDate: date,
    endDate: date,
    parentId: z.string().nullable(),
    state: z.enum(['planning', 'active', 'closed']),
    closedAt: instant.nullable(),
  })
  .openapi('Cycle');

export const evaluationSchema = z
  .object({
    progress: z.number().nullable(),
    score: z.number().nullable(),
    expected: z.number().nullable(),
    status: z.enum(STATUSES).nullable(),
    flags: z.array(z.enum([...FLAGS, 'edited_after_close'])),
    forecast: z.object({ progress: z.number(), score: z.number(), reachesTarget: z.boolean() }).nullable(),
    grade: z.number().nullable(),
  })
  .openapi('Evaluation');

const rollups = {
  progress: z.number().nullable(),
  score: z.number().nullable(),
  latestCheckinAt: instant.nullable(),
  frozenScore: z.number().nullable(),
  frozenGrade: z.number().nullable(),
};

export const keyResultRecordSchema = z
  .object({
    id: z.string(),
    objectiveId: z.string().nullable().openapi({
      description: 'Its objective; null when you may see the KR (you own it) but not its objective',
    }),
    title: z.string(),
    measure,
    weight: z.number(),
    ownerId: z.string().nullable(),
    plan: z.array(z.object({ date, expected: z.number() })),
    cadence: cadenceSchema.nullable(),
    progressSource: z.enum(['metric', 'aligned']),
    isLeading: z.boolean(),
    position: z.number().int(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    ...rollups,
    latestValue: z.number().nullable(),
    checkinCount: z.number().int(),
  })
  .openapi('KeyResultRecord');

const hasFormerOwner = z
  .boolean()
  .describe('the owner (for objectives, the lead or personal owner) was deactivated: a former owner');

/**
 * How many references to goals the viewer may not see were withheld from what sits beside it
 * (SPEC 8): such goals are counted, never named by id or title (docs/api.md, "Visibility").
 */
export const hiddenCountSchema = (what: string) =>
  z
    .number()
    .int()
    .min(0)
    .openapi({ description: `${what} the viewer may not see: counted here, never named` });

/** "1 private goal", "3 private goals", or null: the words for a hidden count. */
export const hiddenSummarySchema = z
  .string()
  .nullable()
  .openapi({ description: '"1 private goal", "n private goals", or null when nothing is hidden' });

export const keyResultSchema = keyResultRecordSchema
  .extend({
    evaluation: evaluationSchema,
    hasFormerOwner,
    children: z.array(
      z.object({
        id: z.string(),
        type: z.enum(['objective', 'smart_goal']),
        title: z.string(),
        weight: z.number(),
        score: z.number().nullable(),
        status: z.enum(STATUSES).nullable(),
      }),
    ),
    hiddenChildren: hiddenCountSchema('Goals aligned below'),
    hiddenSummary: hiddenSummarySchema,
  })
  .openapi('KeyResult');

export const objectiveRecordSchema = z
  .object({
    id: z.string(),
    cycleId: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    kind: objectiveKindSchema.nullable(),
    unitId: z.string().nullable(),
    ownerId: z.string().nullable(),
    leadId: z.string().nullable(),
    visibility,
    state: z.enum(['draft', 'active', 'closed', 'dropped']),
    predecessorId: z
      .string()
      .nullable()
      .openapi({ description: 'The objective this one continues; null also when the viewer may not see it' }),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    ...rollups,
  })
  .openapi('ObjectiveRecord');

export const objectiveSchema = objectiveRecordSchema
  .extend({
    evaluation: evaluationSchema,
    hasFormerOwner,
    keyResults: z.array(keyResultSchema),
    alignsTo: z.array(link).openapi({ description: 'Parents the viewer may see' }),
    hiddenParents: hiddenCountSchema('Parents'),
  })
  .openapi('Objective');

/** A KR in a summary list: every field and number, without its aligned children. */
export const keyResultSummarySchema = keyResultSchema
  .omit({ children: true, hiddenChildren: true, hiddenSummary: true })
  .openapi('KeyResultSummary');

/** An objective in a summary list (`?view=summary`): its KRs without their children. */
export const objectiveSummarySchema = objectiveSchema
  .extend({ keyResults: z.array(keyResultSummarySchema) })
  .openapi('ObjectiveSummary');

export const smartGoalRecordSchema = z
  .object({
    id: z.string(),
    cycleId: z.string(),
    title: z.string(),
    definitionOfDone: z.string().nullable(),
    ownerId: z.string(),
    unitId: z.string().nullable(),
    measure,
    startDate: date,
    dueDate: date,
    achievability: z.string().nullable(),
    visibility,
    state: z.enum(['draft', 'open', 'done', 'missed', 'dropped']).openapi({
      description:
        '`draft` while being planned (a SMART goal in a cycle in planning, unless created `open`); see docs/api.md',
    }),
    cadence: cadenceSchema.nullable(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    ...rollups,
    latestValue: z.number().nullable(),
    checkinCount: z.number().int(),
  })
  .openapi('SmartGoalRecord');

export const smartGoalSchema = smartGoalRecordSchema
  .extend({
    evaluation: evaluationSchema,
    hasFormerOwner,
    supports: z.array(link).openapi({ description: 'Parents the viewer may see' }),
    hiddenParents: hiddenCountSchema('Parents'),
  })
  .openapi('SmartGoal');

export const checkInSchema = z
  .object({
    id: z.string(),
    goalType: z.enum(['key_result', 'smart_goal']),
    goalId: z.string(),
    seq: z.number().int(),
    at: instant,
    value: z.number().nullable(),
    done: z.array(z.string()).nullable(),
    confidence: z.number().nullable(),
    note: z.string().nullable(),
    authorId: z.string(),
    source: z.enum(['web', 'api', 'cli', 'import', 'email', 'integration']),
    correctsId: z.string().nullable(),
    createdAt: instant,
  })
  .openapi('CheckIn');

export const checkInResultSchema = z
  .object({
    checkIn: checkInSchema,
    goal: z.object({
      id: z.string(),
      progress: z.number().nullable(),
      score: z.number().nullable(),
      latestValue: z.number().nullable(),
      latestCheckinAt: instant.nullable(),
    }),
  })
  .openapi('CheckInResult');

export const eventSchema = z
  .object({
    id: z.string(),
    actorType: z.enum(['person', 'token', 'system']),
    actorId: z.string().nullable(),
    actorTokenId: z
      .string()
      .nullable()
      .openapi({ description: 'The API token the change was made with, if it was' }),
    at: instant,
    source: z.enum(['web', 'api', 'cli', 'import', 'email', 'integration', 'system']),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    isEditedAfterClose: z.boolean(),
    hiddenGoals: hiddenCountSchema(
      'References in `before` and `after` (such as the parent of an `aligned` event), replaced by null, to goals',
    ),
  })
  .openapi('Event');

export const alignmentGraphSchema = z
  .object({
    cycle: z.object({ id: z.string(), name: z.string() }),
    nodes: z.array(
      z.object({
        id: z.string(),
        type: z.enum(['objective', 'key_result', 'smart_goal']),
        title: z.string(),
        unitId: z.string().nullable(),
        ownerId: z.string().nullable(),
        status: z.enum(STATUSES).nullable(),
        score: z.number().nullable(),
        progress: z.number().nullable(),
        parentIds: z.array(z.string()),
        childCount: z
          .number()
          .int()
          .openapi({ description: 'KRs and aligned goals below it, hidden ones included' }),
      }),
    ),
    hidden: z.array(
      z.object({
        parentId: z.string().nullable().openapi({ description: 'The node they align to; null: at the top' }),
        count: z.number().int(),
        summary: z.string().openapi({ example: '2 private goals' }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi('AlignmentGraph');

export const dueCheckinsSchema = z
  .object({
    person: z.object({ id: z.string(), name: z.string() }),
    at: instant,
    items: z.array(
      z.object({
        type: z.enum(['key_result', 'smart_goal']),
        id: z.string(),
        cycleId: z.string(),
        title: z.string(),
        objectiveTitle: z.string().nullable(),
        keyResultTitle: z.string().nullable(),
        measure,
        lastValue: z.number().nullable(),
        lastDone: z.array(z.string()).nullable(),
        lastConfidence: z.number().nullable(),
        lastNote: z.string().nullable(),
        lastCheckinAt: instant.nullable(),
        status: z.enum(STATUSES).nullable(),
        period: z.object({ start: instant, end: instant }),
        isDone: z.boolean().openapi({ description: 'Already checked in during this period' }),
        missedPeriods: z.number().int().openapi({
          description:
            'Ended cadence periods in a row without a check-in (two or more: escalated to the lead)',
        }),
      }),
    ),
    summary: z.object({ due: z.number().int(), done: z.number().int() }),
  })
  .openapi('DueCheckins');

const statusCounts = z.record(z.string(), z.number().int());

export const complianceSchema = z
  .object({
    weeks: z
      .array(date)
      .openapi({ description: 'The first day of each week of the cycle (the workspace week start)' }),
    units: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        cells: z.array(
          z.object({
            due: z.number().int().openapi({ description: '(goal, period) pairs due in the week' }),
            done: z.number().int().openapi({ description: 'those with a check-in' }),
            rate: z.number().nullable().openapi({ description: 'done / due; null when nothing was due' }),
          }),
        ),
      }),
    ),
  })
  .openapi('ComplianceHeatmap', {
    description:
      "Check-in compliance (SPEC 3.9), units by weeks: the unit's own goals first, then each child unit's subtree; recomputed at most once a minute",
  });

export const dashboardObjectiveSchema = objectiveSchema
  .extend({
    trend: z.array(z.number().nullable()).openapi({
      description:
        "The objective's score at the end of each week of the cycle so far (`compliance.weeks[i]`); the last point is now",
    }),
  })
  .openapi('DashboardObjective');

export const dashboardSchema = z
  .object({
    cycle: z.object({ id: z.string(), name: z.string(), state: z.string() }),
    company: z.array(dashboardObjectiveSchema),
    statusCounts,
    units: z.array(
      z.object({
        unitId: z.string(),
        objectives: z.number().int(),
        meanScore: z.number().nullable(),
        statusCounts,
        hiddenGoals: hiddenCountSchema("The unit's objectives"),
      }),
    ),
    hiddenGoals: hiddenCountSchema("The cycle's objectives"),
    hiddenSummary: hiddenSummarySchema,
    compliance: complianceSchema,
    nextCursor: z.string().nullable().openapi({
      description: 'More company objectives: pass it as `?cursor=` for the next page; null on the last',
    }),
  })
  .openapi('Dashboard');

export const unitPageSchema = z
  .object({
    unit: unitSummarySchema,
    cycle: z.object({ id: z.string(), name: z.string(), state: z.string() }),
    objectives: z.array(dashboardObjectiveSchema),
    smartGoals: z.array(smartGoalSchema),
    hiddenGoals: hiddenCountSchema("The unit's objectives and SMART goals"),
    hiddenSummary: hiddenSummarySchema,
    compliance: complianceSchema,
    nextCursor: z.string().nullable().openapi({
      description:
        'More objectives, then SMART goals: pass it as `?cursor=` for the next page; null on the last',
    }),
  })
  .openapi('UnitPage');

export const meSchema = z
  .object({
    person: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.string(),
      timeZone: z.string(),
    }),
    workspace: z.object({ id: z.string(), name: z.string() }),
    workspaces: z.array(z.object({ id: z.string(), name: z.string() })),
    units: z.array(z.object({ id: z.string(), isLead: z.boolean() })).openapi({
      description:
        "The units the person belongs to in this workspace (the web app's dashboard opens on them)",
    }),
    via: z.enum(['session', 'token']),
    csrfToken: z.string().nullable().openapi({
      description:
        'Send it back as `X-CSRF-Token` on every POST, PATCH, PUT and DELETE made with the cookie.',
    }),
  })
  .openapi('Me');

export const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: instant,
    expiresAt: instant.nullable(),
    revokedAt: instant.nullable(),
    lastUsedAt: instant.nullable(),
  })
  .openapi('ApiToken');
