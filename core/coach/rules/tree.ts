import type { GoalNode, ObjectiveNode, SmartGoalNode } from '../../model';
import type { Hit, LintContext, Rule } from '../context';

/** Rules about the alignment tree: orphans, restated parents, skipped levels, empty aligned KRs. */

export const orphan: Rule = {
  id: 'orphan',
  severity: 'warning',
  summary: 'a non-company objective that aligns to nothing (SMART goals: see smart-not-relevant)',
  objective(o, ctx) {
    if (o.parents.length > 0 || ctx.isCompanyObjective(o)) return undefined;
    const candidates = ctx.org.objectives
      .filter((c) => c.cycle === o.cycle && c.state !== 'dropped' && ctx.isCompanyObjective(c))
      .map((c) => c.key)
      .slice(0, 2);
    const who = o.unit !== undefined ? `${ctx.unitLabel(o.unit)} objective` : 'personal objective';
    return {
      message: ctx.hasCompanyObjectives
        ? `A ${who} that aligns to nothing: it is not clear how it helps the company.`
        : `A ${who} that aligns to nothing (no company objective was read: lint it together with the company's goals file).`,
      suggestion:
        candidates.length > 0
          ? `Link it to the objective or key result it serves: aligns_to: [${candidates.join(', ')}]`
          : 'Link it to the objective or key result it serves: aligns_to: [<key of a company objective or KR>]',
      isHedged: !ctx.hasCompanyObjectives,
    };
  },
};

function restates(child: ObjectiveNode | SmartGoalNode, ctx: LintContext): Hit | undefined {
  const own = ctx.metric(child);
  if (own.length === 0) return undefined;
  for (const link of child.parents) {
    const parent = ctx.goal(link.key);
    if (!parent) continue;
    const theirs = ctx.metric(parent);
    if (!own.every((word) => theirs.includes(word))) continue;
    const isSmart = child.type === 'smart_goal';
    return {
      message: `Only restates its parent "${parent.key}" (${parent.title}): it does not say what ${isSmart ? 'will be done' : 'this team will change'} to move it.`,
      suggestion: isSmart
        ? 'Name the concrete step: instead of "Increase NPS to 65", write "Call every detractor from the October survey by 15 Nov".'
        : 'Say what your part of it is: instead of repeating "Increase NPS", write "Make support a reason customers recommend us".',
    };
  }
  return undefined;
}

export const restatesParent: Rule = {
  id: 'restates-parent',
  severity: 'warning',
  summary: "a child's title only restates its parent's",
  objective: (o, ctx) => restates(o, ctx),
  smartGoal: (goal, ctx) => restates(goal, ctx),
};

/** The objective a goal belongs to: itself, or a KR's objective. */
function objectiveOfGoal(goal: GoalNode, ctx: LintContext): ObjectiveNode | undefined {
  const objective = goal.type === 'key_result' ? ctx.objectiveOf(goal.key) : goal;
  return objective?.type === 'objective' ? objective : undefined;
}

/** How far up a unit chain (nearest first) a parent goal sits: 1 is the unit right above. */
function levelsUp(chain: readonly string[], parent: ObjectiveNode, ctx: LintContext): number {
  if (ctx.isCompanyObjective(parent)) {
    const top = chain.at(-1)!;
    return ctx.isRootUnit(top) ? chain.length - 1 : chain.length;
  }
  return parent.unit === undefined ? -1 : chain.indexOf(parent.unit);
}

export const levelSkip: Rule = {
  id: 'level-skip',
  severity: 'warning',
  summary: 'an objective aligns past an intermediate unit that has objectives of its own in the cycle',
  objective(o, ctx) {
    if (o.unit === undefined || o.parents.length === 0) return undefined;
    const chain = ctx.unitChain(o.unit);
    const parents = o.parents.flatMap((link) => {
      const goal = ctx.goal(link.key);
      const objective = goal ? objectiveOfGoal(goal, ctx) : undefined;
      return objective ? [{ key: link.key, objective, depth: levelsUp(chain, objective, ctx) }] : [];
    });
    // Aligned to the level right above as well: the tree is complete.
    if (parents.some((p) => p.depth === 1)) return undefined;
    for (const parent of parents) {
      if (parent.depth < 2) continue;
      const skipped = chain.slice(1, parent.depth).find((unit) => ctx.objectivesOf(o.cycle, unit).length > 0);
      if (skipped === undefined) continue;
      const theirs = ctx.objectivesOf(o.cycle, skipped).map((other) => other.key);
      const parentUnit = parent.objective.unit ?? 'the company';
      return {
        message: `Aligns straight to "${parent.key}" (${ctx.unitLabel(parentUnit)}), past ${ctx.unitLabel(skipped)}, which has objectives of its own (${theirs.slice(0, 3).join(', ')}).`,
        suggestion: `Align to the ${ctx.unitLabel(skipped)} objective that serves "${parent.key}" (aligns_to: [${theirs[0]}]), so the tree shows who carries what.`,
      };
    }
    return undefined;
  },
};

export const alignedKrWithoutChildren: Rule = {
  id: 'aligned-kr-without-children',
  severity: 'warning',
  summary: 'a KR with source aligned that nothing aligns to',
  keyResult(kr, _o, ctx) {
    if (kr.progressSource !== 'aligned' || ctx.children(kr.key).length > 0) return undefined;
    return {
      message: 'Measured by what aligns to it, but nothing does: its progress stays at 0.',
      suggestion: `Link the objectives or SMART goals that move it (supports: ${kr.key}, or aligns_to: [${kr.key}]), or give it its own measure and remove source: aligned.`,
    };
  },
};

function unresolved(goal: ObjectiveNode | SmartGoalNode, ctx: LintContext): Hit | undefined {
  const missing = goal.parents.filter((link) => ctx.goal(link.key) === undefined).map((l) => `"${l.key}"`);
  if (missing.length === 0) return undefined;
  const field = goal.type === 'objective' ? 'aligns_to' : 'supports';
  return {
    message: `${field} names ${missing.join(', ')}, which no goal in the files read has: it may live in a file that was not given, or the key is misspelt.`,
    suggestion:
      'Lint it together with the file that declares the key (tandem lint company.yaml team.yaml), or let the linter read that folder without linting it: tandem lint team.yaml --goals goals/.',
  };
}

export const unresolvedLink: Rule = {
  id: 'unresolved-link',
  severity: 'warning',
  summary: 'aligns_to or supports names a key that no goal read has (it may be in a file not given)',
  objective: (o, ctx) => unresolved(o, ctx),
  smartGoal: (goal, ctx) => unresolved(goal, ctx),
};

export const TREE_RULES: readonly Rule[] = [
  orphan,
  restatesParent,
  levelSkip,
  alignedKrWithoutChildren,
  unresolvedLink,
];
