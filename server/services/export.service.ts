import { z } from 'zod';
import type { GoalEvaluation } from '../../core/evaluate';
import { type CsvCell, toCsv } from '../../core/exchange/csv';
import { KeyAllocator } from '../../core/exchange/keys';
import { CSV_COLUMNS, cycleCsvRows, cycleMarkdown } from '../../core/exchange/tables';
import { goalsFileChunks } from '../../core/goals-file/write';
import type { Link, ObjectiveNode, Organisation, SmartGoalNode, UnitNode } from '../../core/model';
import { formatDate } from '../../core/time';
import { isVisible } from '../policies/permissions';
import type { CycleRow } from '../repositories/cycle.repository';
import type { Actor, ServiceDeps } from './context';
import { readMeasure, windowOfCycle } from './evaluation';
import { objectiveSubject, smartGoalSubject } from './goal-access';
import { cycleGoalKeys, keysOfGoals } from './goal-keys';
import { openSession, type Session } from './session';
import { loadSlice } from './slice';
import { notFound } from './validate';
import { xlsxWorkbook } from './workbook-writer';

/** The formats a cycle can be exported in. */
export const EXPORT_FORMATS = ['yaml', 'csv', 'xlsx', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Input of an export: a cycle (id or name), optionally one unit's subtree, and a format. */
export const exportSchema = z
  .object({
    cycle: z.string().trim().min(1).max(100).describe('cycle id or name, such as 2026-Q4'),
    unitId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('unit id or name: only its goals and those of the units below it'),
    format: z.enum(EXPORT_FORMATS).default('yaml'),
  })
  .strict();

/** Input of an export of every cycle: optionally one unit's subtree, and a format. */
export const exportWorkspaceSchema = exportSchema.omit({ cycle: true });

/** An exported document. */
export interface ExportedFile {
  filename: string;
  contentType: string;
  /**
   * The document in pieces of about 64 KB, made as they are asked for (a goals file goal by
   * goal): what the HTTP route and `tandem export` write, so a large cycle is never held whole.
   * Everything that can fail has been done before (a workbook is made at the first piece).
   */
  chunks(): Iterable<string | Uint8Array>;
  /** The whole document at once (the pieces joined): text for yaml, csv and md; bytes for xlsx. */
  readonly body: string | Uint8Array;
  counts: { objectives: number; keyResults: number; smartGoals: number; hiddenGoals: number };
}

/** Pieces of text gathered into pieces of at least `size` characters (fewer, larger writes). */
function* gathered(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** An exported file whose document is made by `make` (text in pieces, or a workbook's bytes). */
function exportedFile(
  filename: string,
  format: ExportFormat,
  counts: ExportedFile['counts'],
  make: () => Iterable<string> | Uint8Array,
): ExportedFile {
  let whole: string | Uint8Array | undefined;
  return {
    filename,
    contentType: CONTENT_TYPES[format],
    counts,
    chunks() {
      if (whole !== undefined) return [whole];
      const made = make();
      return made instanceof Uint8Array ? [made] : gathered(made);
    },
    get body() {
      if (whole === undefined) {
        const made = make();
        whole = made instanceof Uint8Array ? made : [...made].join('');
      }
      return whole;
    },
  };
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  yaml: 'application/yaml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
};

/** What an export holds: the cycle as an organisation with readable keys, and its numbers. */
interface ExportModel {
  org: Organisation;
  cycle: CycleRow;
  evaluations: Map<string, GoalEvaluation>;
  unitNames: Map<string, string>;
  hiddenGoals: number;
  droppedLinks: number;
}

/**
 * Exports (SPEC 9): a cycle's goals as a goals file (YAML that `tandem score` and `tandem lint`
 * read), a spreadsheet (CSV) or a Markdown document, with what the actor may see and nothing
 * more. Goals get readable keys made from their titles (unique in the export); people are named
 * by email; units by keys made from their names (`company` for the root).
 */
export class ExportService {
  constructor(readonly deps: ServiceDeps) {}

  /** A cycle (or a unit's part of it) in one format. */
  async cycle(actor: Actor, data: z.output<typeof exportSchema>): Promise<ExportedFile> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const model = await this.#model(session, data.cycle.trim(), data.unitId, data.format);
    const workspace = (await session.repos.workspaces.find(actor.workspaceId))?.name;
    const filename = `${slugFile(workspace ?? 'tandem')}-${slugFile(model.cycle.name)}.${data.format}`;
    const make = (): Iterable<string> | Uint8Array => {
      if (data.format === 'yaml') {
        const day = formatDate(session.at, session.settings.timeZone);
        return goalsFileOf(session, model, [
          `Tandem export of ${workspace ?? 'a workspace'}, cycle ${model.cycle.name}, on ${day}.`,
          'Score or lint it: tandem score FILE, tandem lint FILE.',
        ]);
      }
      if (data.format === 'csv') return [toCsv(cycleCsvRows(tablesOf(session, model)))];
      if (data.format === 'xlsx')
        // A sheet named after the cycle: objectives with their KRs below them, then SMART goals.
        return xlsxWorkbook([{ name: model.cycle.name, rows: cycleCsvRows(tablesOf(session, model)) }]);
      return [cycleMarkdown(tablesOf(session, model), `${workspace ?? 'Goals'}: ${model.cycle.name}`)];
    };
    return exportedFile(filename, data.format, countsOf([model]), make);
  }

  /**
   * Every cycle of the workspace (or a unit's part of each), oldest first, in one document:
   * YAML as a stream of goals files, one per cycle (`---` between them; `tandem import` reads the
   * stream, and each document is a goals file on its own); CSV as one table with a Cycle column
   * first; a workbook with a sheet per cycle (with the Cycle column too, so sheets merged or
   * renamed still import); Markdown as the cycles' documents one after another.
   */
  async workspace(actor: Actor, data: z.output<typeof exportWorkspaceSchema>): Promise<ExportedFile> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const workspace = (await session.repos.workspaces.find(actor.workspaceId))?.name;
    const cycles = (await session.repos.cycles.list(actor.workspaceId)).sort(
      (a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name),
    );
    if (data.unitId !== undefined) await findUnit(session, data.unitId);
    const models: ExportModel[] = [];
    for (const cycle of cycles) models.push(await this.#model(session, cycle.id, data.unitId, data.format));
    const filename = `${slugFile(workspace ?? 'tandem')}-all-cycles.${data.format}`;
    const withCycle = (model: ExportModel, rows: CsvCell[][]): CsvCell[][] =>
      rows.map((row, i) => [i === 0 ? 'Cycle' : model.cycle.name, ...row]);
    const make = (): Iterable<string> | Uint8Array => {
      if (data.format === 'yaml') {
        const day = formatDate(session.at, session.settings.timeZone);
        const head = [
          `Tandem export of ${workspace ?? 'a workspace'}, every cycle (${models.length}), on ${day}: one goals file per cycle.`,
          'Import it whole (tandem import FILE); each document is a goals file of one cycle.',
        ]
          .map((line) => `# ${line}\n`)
          .join('');
        return (function* () {
          yield head;
          for (const model of models) {
            yield '---\n';
            yield* goalsFileOf(session, model, [`Cycle ${model.cycle.name}.`]);
          }
        })();
      }
      if (data.format === 'csv') {
        const rows: CsvCell[][] = [['Cycle', ...CSV_COLUMNS]];
        for (const model of models)
          rows.push(...withCycle(model, cycleCsvRows(tablesOf(session, model))).slice(1));
        return [toCsv(rows)];
      }
      if (data.format === 'xlsx')
        return xlsxWorkbook(
          models.length === 0
            ? [{ name: 'Goals', rows: [['Cycle', ...CSV_COLUMNS]] }]
            : models.map((model) => ({
                name: model.cycle.name,
                rows: withCycle(model, cycleCsvRows(tablesOf(session, model))),
              })),
        );
      return [
        [
          `# ${workspace ?? 'Goals'}: every cycle\n`,
          ...models.map((model) =>
            cycleMarkdown(tablesOf(session, model), model.cycle.name).replace(/^(#+) /gm, '#$1 '),
          ),
        ].join('\n'),
      ];
    };
    return exportedFile(filename, data.format, countsOf(models), make);
  }

  /**
   * A cycle's goals as the export writes them. A goals file holds every check-in, so YAML reads
   * the whole history; the tables (CSV, XLSX, Markdown) show each goal's latest check-in only, so
   * they take the stored facts where those are current (`currentFacts`: the latest value,
   * confidence and time, the same numbers) and read the check-ins of the other goals, and of every
   * milestone goal (its latest ticked milestones are no fact). A goals file writes no computed
   * number, so YAML's model is not evaluated (`evaluations` is empty).
   */
  async #model(
    session: Session,
    cycleRef: string,
    unitId: string | undefined,
    format: ExportFormat,
  ): Promise<ExportModel> {
    const { repos, scope, settings, actor } = session;
    const ws = actor.workspaceId;
    const cycle =
      (await repos.cycles.find(ws, cycleRef)) ??
      (await repos.cycles.findByName(ws, cycleRef)) ??
      notFound('cycle', cycleRef);
    let unitFilter: string[] | undefined;
    if (unitId !== undefined) {
      const unit = await findUnit(session, unitId);
      unitFilter = await repos.units.descendants(ws, [unit.id]);
    }
    const allObjectives = await repos.objectives.listByCycle(ws, cycle.id, unitFilter);
    const allGoals = await repos.smartGoals.listByCycle(
      ws,
      cycle.id,
      unitFilter ? { unitIds: unitFilter } : {},
    );
    const objectives = allObjectives.filter((o) => isVisible(scope, objectiveSubject(o)));
    const goals = allGoals.filter((g) => isVisible(scope, smartGoalSubject(g)));
    const slice = await loadSlice(
      session,
      objectives,
      goals,
      format === 'yaml'
        ? { evaluate: false }
        : { storedFacts: true, factsFor: (goal) => readMeasure(goal.measure)?.type !== 'milestones' },
    );
    const krs = objectives.flatMap((o) => slice.keyResults.get(o.id) ?? []);
    const hiddenGoals = allObjectives.length - objectives.length + (allGoals.length - goals.length);

    // The slice has read the check-ins (notes too) and the links up: its nodes are reused, not read again.
    const [people, units] = await Promise.all([repos.people.list(ws), repos.units.list(ws)]);
    const memberships = await repos.units.membershipsOfMany(people.map((p) => p.id));
    const email = new Map(people.map((p) => [p.id, p.email]));

    // Units: the root is `company` when there is one root; the others by name.
    const unitKeys = new KeyAllocator();
    const unitKey = new Map<string, string>();
    const roots = units.filter((u) => u.parentId === null);
    for (const u of units) {
      unitKey.set(u.id, roots.length === 1 && u.parentId === null ? unitKeys.reserve('company') : '');
    }
    for (const u of units) if (unitKey.get(u.id) === '') unitKey.set(u.id, unitKeys.allocate(u.name, 'unit'));
    const leads = new Map<string, string[]>();
    for (const m of memberships) {
      if (!m.isLead) continue;
      const list = leads.get(m.unitId) ?? [];
      const mail = email.get(m.personId);
      if (mail) list.push(mail);
      leads.set(m.unitId, list);
    }
    const unitNodes: UnitNode[] = units.map((u) => ({
      key: unitKey.get(u.id)!,
      name: u.name,
      parent: u.parentId ? unitKey.get(u.parentId) : undefined,
      leads: (leads.get(u.id) ?? []).sort(),
    }));

    // Goals: the keys imports match (cycleGoalKeys), so a re-import changes nothing.
    const key = new Map<string, string>();
    // The whole cycle in view: its rows are those the keys are made from, so they are not read again.
    const keyed =
      unitFilter === undefined && hiddenGoals === 0
        ? keysOfGoals(await repos.goalKeys.forCycle(ws, cycle.id), allObjectives, krs, allGoals)
        : await cycleGoalKeys(repos, ws, cycle.id);
    for (const [k, goal] of keyed) key.set(goal.id, k);
    const visibleIds = new Set([
      ...objectives.map((o) => o.id),
      ...krs.map((kr) => kr.id),
      ...goals.map((g) => g.id),
    ]);
    for (const id of [...key.keys()]) if (!visibleIds.has(id)) key.delete(id);

    // Links to goals of another cycle (a carried-over objective's parent in the previous cycle)
    // are written `CYCLE/key`, with the key that cycle's exports and imports use. Left out: links
    // to goals the actor may not see, and, in a unit's part, to goals of this cycle outside it.
    const outsideIds = new Set<string>();
    for (const node of [...slice.org.objectives, ...slice.org.smartGoals])
      for (const link of node.parents) if (!key.has(link.key)) outsideIds.add(link.key);
    const visibleOutside = [...outsideIds].filter((id) => !slice.hidden.has(id));
    const qualified = await qualifiedKeys(session, visibleOutside, cycle.id);
    let droppedLinks = 0;
    const linksOf = (node: { parents: readonly Link[] }): Link[] => {
      const out: Link[] = [];
      for (const link of node.parents) {
        const parent = key.get(link.key) ?? qualified.get(link.key);
        if (parent) out.push({ key: parent, weight: link.weight });
        else droppedLinks++;
      }
      return out;
    };
    const person = (id: string | null | undefined) => (id ? email.get(id) : undefined);
    const unitOf = (id: string | null | undefined) => (id ? unitKey.get(id) : undefined);
    const objectiveNodes = new Map(slice.org.objectives.map((node) => [node.key, node]));
    const smartGoalNodes = new Map(slice.org.smartGoals.map((node) => [node.key, node]));

    const exportedObjectives: ObjectiveNode[] = objectives.flatMap((o) => {
      const node = objectiveNodes.get(o.id);
      if (!node) return [];
      return [
        {
          ...node,
          key: key.get(o.id)!,
          unit: unitOf(o.unitId),
          lead: person(o.leadId),
          owner: person(o.ownerId),
          parents: linksOf(node),
          keyResults: node.keyResults.map((kr) => ({
            ...kr,
            key: key.get(kr.key)!,
            objectiveKey: key.get(o.id)!,
            owner: person(kr.owner),
            measure: kr.progressSource === 'aligned' ? undefined : kr.measure,
          })),
        },
      ];
    });
    const smartNodes: SmartGoalNode[] = goals.flatMap((g) => {
      const node = smartGoalNodes.get(g.id);
      if (!node) return [];
      return [{ ...node, key: key.get(g.id)!, owner: person(g.ownerId), parents: linksOf(node) }];
    });
    const evaluations = new Map<string, GoalEvaluation>();
    for (const [id, evaluation] of slice.evaluations) {
      const k = key.get(id);
      if (k) evaluations.set(k, { ...evaluation, key: k });
    }
    return {
      org: {
        timeZone: settings.timeZone,
        cycles: [{ name: cycle.name, window: windowOfCycle(cycle, settings.timeZone) }],
        units: unitNodes,
        objectives: exportedObjectives,
        smartGoals: smartNodes,
      },
      cycle,
      evaluations,
      unitNames: new Map(units.map((u) => [unitKey.get(u.id)!, u.name])),
      hiddenGoals,
      droppedLinks,
    };
  }
}

/**
 * Goals by id (objectives and KRs a link names) of cycles other than the exported one as
 * `CYCLE/key`: their cycle's name and their key in that cycle's goals files (`cycleGoalKeys`, the
 * keys every export and import of it uses). Ids that name no such goal are left out.
 */
async function qualifiedKeys(
  session: Session,
  ids: readonly string[],
  exportedCycleId: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const { repos, actor } = session;
  const ws = actor.workspaceId;
  const [objectives, keyResults] = await Promise.all([
    repos.objectives.findMany(ws, ids),
    repos.keyResults.findMany(ws, ids),
  ]);
  const cycleOf = new Map(objectives.map((o) => [o.id, o.cycleId]));
  const owners = keyResults.map((kr) => kr.objectiveId).filter((id) => !cycleOf.has(id));
  for (const o of owners.length > 0 ? await repos.objectives.findMany(ws, [...new Set(owners)]) : [])
    cycleOf.set(o.id, o.cycleId);
  const wanted = new Map<string, string>();
  for (const o of objectives) wanted.set(o.id, o.cycleId);
  for (const kr of keyResults) {
    const cycleId = cycleOf.get(kr.objectiveId);
    if (cycleId) wanted.set(kr.id, cycleId);
  }
  for (const cycleId of new Set(wanted.values())) {
    if (cycleId === exportedCycleId) continue;
    const cycle = await repos.cycles.find(ws, cycleId);
    if (!cycle) continue;
    for (const [k, goal] of await cycleGoalKeys(repos, ws, cycleId))
      if (wanted.get(goal.id) === cycleId) out.set(goal.id, `${cycle.name}/${k}`);
  }
  return out;
}

/** A unit by id or name (any case), or a not-found error naming it. */
async function findUnit(session: Session, unitId: string) {
  const { repos, actor } = session;
  return (
    (await repos.units.find(actor.workspaceId, unitId)) ??
    (await repos.units.list(actor.workspaceId)).find((u) => u.name.toLowerCase() === unitId.toLowerCase()) ??
    notFound('unit', unitId)
  );
}

/**
 * A cycle's goals file with its notes as a header comment (and what is left out, if anything), in
 * pieces, goal by goal.
 */
function goalsFileOf(session: Session, model: ExportModel, notes: string[]): Iterable<string> {
  const lines = [...notes];
  if (model.hiddenGoals > 0)
    lines.push(
      `${model.hiddenGoals} goal(s) you may not see are left out (aligned KRs count them on the server).`,
    );
  if (model.droppedLinks > 0)
    lines.push(`${model.droppedLinks} link(s) to goals outside this export are left out.`);
  return goalsFileChunks(
    model.org,
    {
      cycle: model.cycle.name,
      fiscalYearStart: session.settings.fiscalYearStartMonth,
      cadence: session.settings.defaultCadence,
    },
    lines.join('\n'),
  );
}

/** What the spreadsheet and Markdown writers read of a cycle. */
function tablesOf(session: Session, model: ExportModel) {
  return {
    org: model.org,
    cycle: model.cycle.name,
    at: session.at,
    evaluations: model.evaluations,
    unitName: (key: string) => model.unitNames.get(key),
    hiddenGoals: model.hiddenGoals,
  };
}

function countsOf(models: readonly ExportModel[]): ExportedFile['counts'] {
  const counts = { objectives: 0, keyResults: 0, smartGoals: 0, hiddenGoals: 0 };
  for (const { org, hiddenGoals } of models) {
    counts.objectives += org.objectives.length;
    for (const o of org.objectives) counts.keyResults += o.keyResults.length;
    counts.smartGoals += org.smartGoals.length;
    counts.hiddenGoals += hiddenGoals;
  }
  return counts;
}

function slugFile(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'export'
  );
}
