import { z } from 'zod';
import { parseCycleName } from '../../core/cycle';
import { slugKey } from '../../core/exchange/keys';
import { goalKeyAt, withoutGoals } from '../../core/exchange/skip';
import { readSpreadsheet, sheetsByCycle } from '../../core/exchange/spreadsheet';
import { buildOrganisation } from '../../core/goals-file/model';
import {
  type FileProblem,
  formatPath,
  type ParsedGoalsFile,
  parseGoalsStream,
} from '../../core/goals-file/parse';
import { splitLinkKey } from '../../core/goals-file/schema';
import { type Measure, milestoneWeights } from '../../core/measure';
import type {
  Checkin,
  KeyResultNode,
  Link,
  ObjectiveNode,
  Organisation,
  SmartGoalNode,
} from '../../core/model';
import { formatDate } from '../../core/time';
import type { CheckInsTable } from '../db/schema';
import { can } from '../policies/permissions';
import type { AlignmentRow } from '../repositories/alignment.repository';
import type { CheckInRow } from '../repositories/check-in.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import type { GoalKeyRow } from '../repositories/goal-key.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import { link } from './alignment.service';
import { type Actor, type ServiceDeps, transact } from './context';
import { objectiveSubject, smartGoalSubject } from './goal-access';
import { cycleGoalKeys, cycleGoals } from './goal-keys';
import { recomputeImported } from './import-rollups';
import { keyResultRecord } from './key-result.service';
import { type Change, openSession, recordEvents, type Session } from './session';
import { smartGoalRecord } from './smart-goal.service';
import { fileKind, type ReadSheets, readCsv, readWorkbook } from './spreadsheet-files';
import { accept } from './validate';

/** Input of an import: goals files (name and text), the cycle to import into, and how. */
export const importSchema = z
  .object({
    files: z
      .array(
        z.union([
          z.object({ name: z.string().min(1).max(300), text: z.string().max(20_000_000) }).strict(),
          z
            .object({
              name: z.string().min(1).max(300),
              base64: z.string().max(30_000_000).describe('a workbook (.xlsx, .xls, .ods), base64'),
            })
            .strict(),
        ]),
      )
      .describe('goals files (.yaml), CSV (.csv) as text, or workbooks (.xlsx) as base64')
      .min(1)
      .max(100),
    cycle: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("import into this cycle instead of the files' own"),
    dryRun: z.boolean().default(false),
    createMissing: z.boolean().default(false).describe('create the cycle, people and units the files name'),
    skipInvalid: z
      .boolean()
      .default(false)
      .describe(
        'import the valid goals and leave out those with problems (listed in `skipped`): a bad KR row skips that KR, a bad objective its KRs too, a goal aligned to a skipped one is skipped too. Problems of a whole file (unreadable, malformed YAML, no cycle) still stop the import',
      ),
  })
  .strict();

/** Reports how far an import is: `done` of `total` goals, in a `step` (read, write, rollups). */
export type ImportProgress = (step: string, done: number, total: number) => void;

/** A problem with a place in a file (line and column 0 when it has no place). */
export type ImportProblem = FileProblem;

/** A row (or goal) left out by an import that skips bad rows, with the problem that made it so. */
export interface SkippedRow extends ImportProblem {
  /** The goal left out, when the row made one. */
  key?: string;
  title?: string;
}

/** What the import does (or would do) to one thing. */
export interface ImportItem {
  type: 'cycle' | 'person' | 'unit' | 'objective' | 'key_result' | 'smart_goal';
  key: string;
  title: string;
  action: 'create' | 'update' | 'unchanged';
  /** The fields that change (updates), or what check-ins are added. */
  changes: string[];
  /** The cycle, when the import holds several. */
  cycle?: string;
}

/** The outcome: nothing is written unless `isApplied`. */
export interface ImportResult {
  isDryRun: boolean;
  isApplied: boolean;
  /** The cycle imported into (several: their names, comma-separated). */
  cycle: string | null;
  /** Every cycle imported into, in the order of the files. */
  cycles: string[];
  /** Problems with the files' syntax or schema (a usage error), or with what they name. */
  problems: ImportProblem[];
  isFileError: boolean;
  /** `skipped` rows: how many rows (or goals of a goals file) were left out. */
  summary: { create: number; update: number; unchanged: number; checkIns: number; skipped: number };
  items: ImportItem[];
  /** With `skipInvalid`: every problem of the rows left out (a row may have several), in file order. */
  skipped: SkippedRow[];
}

type GoalRowOf = { objective: ObjectiveRow; key_result: KeyResultRow; smart_goal: SmartGoalRow };

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const measureJson = (m: Measure | undefined): string | null => (m ? JSON.stringify(m) : null);

/**
 * Imports goals files (SPEC 9) into a workspace, idempotent by key: a goal is matched by its
 * key in the cycle (`goal_keys`), created when new, updated in place when its file changed, left
 * alone otherwise; check-ins in the files that the goal lacks are added (history is never
 * removed). Every problem is reported at once, with file, line and column, and nothing is written
 * unless there are none. The whole import is one transaction, recording events with source
 * `import`, and recomputes the cycle's rollups once at the end. Each goal is written only where the
 * importer may create or edit it (the policies); people and units are created (admins) only with
 * `createMissing`.
 */
export class ImportService {
  constructor(readonly deps: ServiceDeps) {}

  /** The name of the cycle active now, for a spreadsheet that names none. */
  async #activeCycle(actor: Actor): Promise<string | undefined> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const today = formatDate(session.at, session.settings.timeZone);
    const active = (await session.repos.cycles.list(actor.workspaceId)).filter((c) => c.state === 'active');
    return (active.find((c) => c.startDate <= today && today <= c.endDate) ?? active[0])?.name;
  }

  async goalsFiles(
    actor: Actor,
    input: z.input<typeof importSchema>,
    onProgress?: ImportProgress,
  ): Promise<ImportResult> {
    const data = accept(importSchema, input);
    const empty = (problems: ImportProblem[], isFileError: boolean): ImportResult => ({
      isDryRun: data.dryRun,
      isApplied: false,
      cycle: null,
      cycles: [],
      problems,
      isFileError,
      summary: { create: 0, update: 0, unchanged: 0, checkIns: 0, skipped: 0 },
      items: [],
      skipped: [],
    });
    const parsed: ParsedGoalsFile[] = [];
    const problems: ImportProblem[] = [];
    const skipped: SkippedRow[] = [];
    const now = this.deps.clock.now();
    let sheetCycle = data.cycle;
    for (const file of data.files) {
      const kind = fileKind(file.name);
      if (kind === 'yaml') {
        // One goals file, or a stream of them (`---` between documents: one per cycle).
        const result = parseGoalsStream('text' in file ? file.text : decodeText(file.base64), file.name);
        if (result.ok) parsed.push(...result.parsed);
        else problems.push(...result.problems);
        continue;
      }
      let read: ReadSheets;
      try {
        read =
          kind === 'csv'
            ? readCsv('text' in file ? file.text : decodeText(file.base64))
            : readWorkbook(
                'base64' in file ? Buffer.from(file.base64, 'base64') : Buffer.from(file.text, 'latin1'),
              );
      } catch (error) {
        problems.push({
          file: file.name,
          line: 0,
          column: 0,
          path: '',
          message: `not a readable ${kind === 'csv' ? 'CSV' : 'workbook'} file: ${firstLine((error as Error).message)}`,
        });
        continue;
      }
      sheetCycle ??= await this.#activeCycle(actor);
      // A Cycle column naming several cycles (an export of every cycle): each cycle's rows apart,
      // unless the import is told one cycle.
      const byCycle = data.cycle === undefined ? sheetsByCycle(read.sheets) : undefined;
      for (const [name, sheets] of byCycle ?? [['', read.sheets] as const]) {
        const result = readSpreadsheet(file.name, sheets, {
          cycle: name || sheetCycle,
          hints: read.hints,
          asOf: new Date(now).toISOString(),
          skipInvalid: data.skipInvalid,
        });
        if (result.ok) {
          parsed.push(result.parsed);
          skipped.push(...result.skipped);
        } else problems.push(...result.problems);
      }
    }
    if (problems.length > 0) return empty(problems, true);
    // Several cycles (an export of every cycle): each imported as its own run, in one transaction.
    const groups = new Map<string, ParsedGoalsFile[]>();
    for (const file of parsed) {
      const name = data.cycle ?? cycleNameOf(file);
      groups.set(name, [...(groups.get(name) ?? []), file]);
    }
    const orgs: Group[] = [];
    for (const files of groups.values()) {
      const left = new Set(skipped.flatMap((row) => (row.key ? [row.key] : [])));
      const built = this.#build(files, now, data.skipInvalid, skipped, [], left);
      if ('problems' in built) problems.push(...built.problems);
      else orgs.push(built);
    }
    if (problems.length > 0) return empty(problems, true);
    try {
      return await transact(this.deps, async (trx) => {
        const session = await openSession(this.deps, trx, { ...actor, source: 'import' });
        const results: ImportResult[] = [];
        for (let group of orgs) {
          // Skipping bad rows: dry runs until none of the goals left has a problem (each may find
          // more: a goal aligned to one just left out), then the import of what is left.
          for (let pass = 0; data.skipInvalid; pass++) {
            const check = new ImportRun(
              session,
              group.org,
              group.files,
              { ...data, dryRun: true },
              now,
              undefined,
            );
            check.skippedKeys = group.skippedKeys;
            const checked = await check.execute();
            if (checked.problems.length === 0) break;
            const keyed = (checked.problems as KeyedProblem[]).filter((p) => p.key !== undefined);
            if (keyed.length < checked.problems.length || pass >= MAX_SKIP_PASSES)
              throw new Rollback(checked);
            const next = this.#build(group.files, now, true, skipped, keyed, group.skippedKeys);
            if ('problems' in next) throw new Rollback({ ...checked, problems: next.problems });
            group = next;
          }
          const run = new ImportRun(session, group.org, group.files, data, now, onProgress);
          run.skippedKeys = group.skippedKeys;
          results.push(await run.execute());
        }
        const result = results.length === 1 ? results[0]! : mergeResults(results);
        const outcome = withSkipped(result, skipped);
        if (result.problems.length > 0 || data.dryRun) throw new Rollback(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof Rollback) return withSkipped(error.result, []);
      throw error;
    }
  }

  /**
   * The organisation of one cycle's files. With `skip`, the goals that problems name (`leaveOut`,
   * or those of the build) are left out, with their KRs, until the rest builds; problems about no
   * goal (the cycle, the timezone) are returned.
   */
  #build(
    files: ParsedGoalsFile[],
    now: number,
    skip: boolean,
    skipped: SkippedRow[],
    leaveOut: readonly KeyedProblem[] = [],
    before: ReadonlySet<string> = new Set(),
  ): Group | { problems: ImportProblem[] } {
    let current = files;
    const skippedKeys = new Set(before);
    let pending = leaveOut;
    for (let pass = 0; ; pass++) {
      if (pending.length > 0) {
        const keys = new Set(pending.map((p) => p.key!));
        for (const p of pending) skipped.push({ ...p, key: p.key!, title: titleOf(current, p.key!) });
        for (const key of keys) skippedKeys.add(key);
        current = current.map((file) => {
          const out = withoutGoals(file, keys);
          for (const kr of out.cascaded) {
            skippedKeys.add(kr.key);
            skipped.push({
              file: file.file,
              line: kr.line,
              column: kr.column,
              path: kr.path,
              key: kr.key,
              title: kr.title,
              message: `its objective "${kr.objective.title}" is skipped, so this key result is too`,
            });
          }
          return out.parsed;
        });
      }
      // Links may name goals of the workspace that no file declares: resolved against the cycle later.
      const built = buildOrganisation(current, { now, unknownLinks: 'kept' });
      if (built.ok) {
        if (built.org.cycles.length === 1) return { org: built.org, files: current, skippedKeys };
        return {
          problems: [
            {
              file: current[0]!.file,
              line: 1,
              column: 1,
              path: 'cycle',
              message: `the files name ${built.org.cycles.length} cycles (${built.org.cycles.map((c) => c.name).join(', ')}): import one cycle at a time`,
            },
          ],
        };
      }
      if (!skip || pass >= MAX_SKIP_PASSES) return { problems: built.problems };
      const keyed = built.problems.map((p) => {
        const file = current.find((f) => f.file === p.file);
        return { ...p, key: file ? goalKeyAt(file, p.path) : undefined };
      });
      if (keyed.some((p) => p.key === undefined)) return { problems: built.problems };
      pending = keyed;
    }
  }
}

/** A problem and the key of the goal it is about, if any (what skipping bad rows leaves out). */
type KeyedProblem = ImportProblem & { key?: string | undefined };

/** At most this many rounds of leaving goals out (each a dry run of what is left). */
const MAX_SKIP_PASSES = 20;

/** One cycle's files, their organisation, and the keys of the goals left out of them. */
interface Group {
  org: Organisation;
  files: ParsedGoalsFile[];
  skippedKeys: ReadonlySet<string>;
}

/** The title of the goal of a key in some files. */
function titleOf(files: readonly ParsedGoalsFile[], key: string): string | undefined {
  for (const { content } of files) {
    for (const o of content.objectives ?? []) {
      if (o.key === key) return o.title;
      for (const kr of o.key_results ?? []) if (kr.key === key) return kr.title;
    }
    for (const g of content.smart_goals ?? []) if (g.key === key) return g.title;
  }
  return undefined;
}

/** A result with the rows left out, counted by row (a row may have several problems). */
function withSkipped(result: ImportResult, skipped: readonly SkippedRow[]): ImportResult {
  const list = [...result.skipped, ...skipped];
  const rows = new Set(
    list.map((s) => (s.key ? `${s.file}\u0000key\u0000${s.key}` : `${s.file}\u0000${s.line}`)),
  );
  return {
    ...result,
    problems: result.problems.map(({ key: _key, ...p }: KeyedProblem) => p),
    skipped: list,
    summary: { ...result.summary, skipped: rows.size },
  };
}

/** Per import (its session), the goal keys of each cycle it has imported or looked up. */
const cyclesOfImport = new WeakMap<
  Session,
  Map<string, ReadonlyMap<string, { type: keyof GoalRowOf; id: string }>>
>();
function importedCycles(session: Session) {
  let cycles = cyclesOfImport.get(session);
  if (!cycles) {
    cycles = new Map();
    cyclesOfImport.set(session, cycles);
  }
  return cycles;
}

/** The cycle a goals file names. */
function cycleNameOf(file: ParsedGoalsFile): string {
  const cycle = file.content.cycle;
  return typeof cycle === 'string' ? cycle : cycle.name;
}

/** The runs of an import of several cycles as one outcome: applied only if every run is. */
function mergeResults(results: readonly ImportResult[]): ImportResult {
  const cycles = results.flatMap((r) => r.cycles);
  const problems = results.flatMap((r) => r.problems);
  const sum = (field: keyof ImportResult['summary']) => results.reduce((n, r) => n + r.summary[field], 0);
  return {
    isDryRun: results[0]!.isDryRun,
    isApplied: problems.length === 0 && results.every((r) => r.isApplied),
    cycle: cycles.join(', '),
    cycles,
    problems,
    isFileError: false,
    summary: {
      create: sum('create'),
      update: sum('update'),
      unchanged: sum('unchanged'),
      checkIns: sum('checkIns'),
      skipped: 0,
    },
    skipped: [],
    items: results.flatMap((r) =>
      r.items.map((item) => ({ ...item, ...(r.cycle ? { cycle: r.cycle } : {}) })),
    ),
  };
}

function decodeText(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.slice(0, 200);
}

/** Ends the transaction without writing: a dry run, or problems found while applying. */
class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('import rolled back');
  }
}

/** One import, inside its transaction. */
class ImportRun {
  readonly problems: KeyedProblem[] = [];
  /** Keys of the goals an import that skips bad rows left out (a link to one says so). */
  skippedKeys: ReadonlySet<string> = new Set();
  readonly items: ImportItem[] = [];
  readonly changes: Change[] = [];
  checkIns = 0;
  readonly people = new Map<string, string>();
  readonly units = new Map<string, string>();
  readonly goalIds = new Map<string, { type: keyof GoalRowOf; id: string; isStored?: boolean }>();
  /** The cycle's goals, check-ins and links, read once (an import touches most of them). */
  readonly rows = new Map<string, ObjectiveRow | KeyResultRow | SmartGoalRow>();
  readonly storedCheckins = new Map<string, CheckInRow[]>();
  readonly storedParents = new Map<string, AlignmentRow[]>();
  /** The objectives as they will be after the import, for the policies of their KRs. */
  readonly objectiveRows = new Map<string, ObjectiveRow>();
  /** Rows to insert, written in bulk once every goal is read (`flush`). */
  readonly pending = {
    objectives: [] as ObjectiveRow[],
    keyResults: [] as KeyResultRow[],
    smartGoals: [] as SmartGoalRow[],
    keys: [] as GoalKeyRow[],
    checkIns: [] as CheckInsTable[],
  };
  /** Ids of the goals this import creates. */
  readonly created = new Set<string>();
  /** Goals whose own numbers may change: new check-ins, a new or edited measure or window. */
  readonly touched = new Set<string>();
  /** Each owner's units, read once per person. */
  readonly ownerUnits = new Map<string, string | null>();
  cycle!: CycleRow;

  constructor(
    readonly session: Session,
    readonly org: Organisation,
    readonly files: readonly ParsedGoalsFile[],
    readonly options: z.infer<typeof importSchema>,
    /** The moment of reading (`current` values are check-ins at it). */
    readonly now: number,
    readonly onProgress: ImportProgress | undefined,
  ) {}

  #done = 0;
  #total = 0;

  /** One more goal read (or, with `step`, a new step of the import). */
  progress(step?: string): void {
    if (!this.onProgress) return;
    if (step) this.onProgress(step, this.#done, this.#total);
    else if (++this.#done % 250 === 0 || this.#done === this.#total)
      this.onProgress('goals', this.#done, this.#total);
  }

  get ws(): string {
    return this.session.actor.workspaceId;
  }

  /** Records a problem at the field of the goal it is about (or at the goal, or the file). */
  problem(
    where: { key?: string; source?: { file: string; line: number; column: number } | undefined },
    path: string,
    message: string,
  ) {
    const s = where.source ?? { file: this.files[0]!.file, line: 0, column: 0 };
    const at = where.key ? this.locate(s.file, where.key, path) : undefined;
    this.problems.push({
      file: s.file,
      line: at?.line ?? s.line,
      column: at?.column ?? s.column,
      path: at?.path ?? path,
      message,
      ...(where.key ? { key: where.key } : {}),
    });
  }

  /** Where a goal's field is written in its file. */
  locate(
    fileName: string,
    key: string,
    field: string,
  ): { line: number; column: number; path: string } | undefined {
    const file = this.files.find((f) => f.file === fileName);
    if (!file) return undefined;
    let path: (string | number)[] | undefined;
    (file.content.objectives ?? []).forEach((o, i) => {
      if (o.key === key) path = ['objectives', i];
      (o.key_results ?? []).forEach((kr, j) => {
        if (kr.key === key) path = ['objectives', i, 'key_results', j];
      });
    });
    (file.content.smart_goals ?? []).forEach((g, i) => {
      if (g.key === key) path = ['smart_goals', i];
    });
    if (!path) return undefined;
    const full = [...path, field];
    return { ...file.locate(full), path: formatPath(full) };
  }

  item(item: ImportItem): void {
    this.items.push(item);
  }

  async execute(): Promise<ImportResult> {
    await this.resolveCycle();
    if (this.problems.length === 0) {
      await this.resolvePeople();
      await this.resolveUnits();
    }
    if (this.problems.length === 0) {
      await this.preload();
      await this.preloadOwnerUnits();
      this.#total =
        this.org.objectives.reduce((n, o) => n + 1 + o.keyResults.length, 0) + this.org.smartGoals.length;
      this.progress('goals');
      for (const objective of this.org.objectives) await this.objective(objective);
      for (const goal of this.org.smartGoals) await this.smartGoal(goal);
      this.progress('write');
      if (this.problems.length === 0 && !this.options.dryRun) await this.flush();
      if (this.problems.length === 0) await this.alignAll();
    }
    if (this.problems.length === 0 && !this.options.dryRun && this.changes.length > 0) {
      this.progress('events');
      await recordEvents(this.session, this.changes);
      this.progress('rollups');
      await recomputeImported(this.session, this.cycle, {
        rows: this.rows,
        pending: this.pending,
        storedCheckins: this.storedCheckins,
        touched: this.touched,
        created: this.created,
      });
    }
    const count = (action: ImportItem['action']) => this.items.filter((i) => i.action === action).length;
    return {
      isDryRun: this.options.dryRun,
      isApplied: this.problems.length === 0 && !this.options.dryRun,
      cycle: this.cycle?.name ?? null,
      cycles: this.cycle ? [this.cycle.name] : [],
      problems: this.problems,
      isFileError: false,
      summary: {
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
        checkIns: this.checkIns,
        skipped: 0,
      },
      items: this.items,
      skipped: [],
    };
  }

  async resolveCycle(): Promise<void> {
    const fileCycle = this.org.cycles[0]!;
    const name = this.options.cycle ?? fileCycle.name;
    const { repos, settings } = this.session;
    const found = (await repos.cycles.find(this.ws, name)) ?? (await repos.cycles.findByName(this.ws, name));
    if (found) {
      this.cycle = found;
      if (found.state === 'closed')
        this.problem({}, 'cycle', `cycle ${found.name} is closed; reopen it before importing into it`);
      return;
    }
    if (!this.options.createMissing || !can(this.session.scope, 'manage', 'cycle')) {
      this.problem(
        {},
        'cycle',
        `no cycle ${name} in this workspace${can(this.session.scope, 'manage', 'cycle') ? ': create it, or import with createMissing (--create-missing)' : ''}`,
      );
      return;
    }
    const named = parseCycleName(name, settings.fiscalYearStartMonth);
    const tz = settings.timeZone;
    const dates = named.ok
      ? named.cycle
      : {
          name,
          kind: 'custom' as const,
          startDate: formatDate(fileCycle.window.start, tz),
          endDate: formatDate(fileCycle.window.end - 1, tz),
        };
    this.cycle = {
      id: this.session.deps.newId(),
      workspaceId: this.ws,
      ...dates,
      parentId: null,
      state: 'planning',
      closedAt: null,
      createdAt: this.session.at,
    };
    if (!this.options.dryRun) await repos.cycles.insert(this.cycle);
    this.changes.push({ entityType: 'cycle', entityId: this.cycle.id, action: 'created', after: this.cycle });
    this.item({ type: 'cycle', key: name, title: name, action: 'create', changes: [] });
  }

  /** Every person the files name, by email. */
  async resolvePeople(): Promise<void> {
    const named = new Map<string, { key?: string; source?: ObjectiveNode['source']; path: string }>();
    const add = (
      email: string | undefined,
      node: { key?: string; source?: ObjectiveNode['source'] },
      path: string,
    ) => {
      if (!email) return;
      const site = { ...node, path };
      if (!named.has(email.toLowerCase())) named.set(email.toLowerCase(), site);
      // Skipping bad rows: every goal naming an unknown person is a problem of its own.
      if (this.options.skipInvalid)
        sites.set(email.toLowerCase(), [...(sites.get(email.toLowerCase()) ?? []), site]);
    };
    const sites = new Map<string, { key?: string; source?: ObjectiveNode['source']; path: string }[]>();
    for (const unit of this.org.units)
      for (const lead of unit.leads) add(lead, {}, `units.${unit.key}.leads`);
    for (const o of this.org.objectives) {
      add(o.lead, o, 'lead');
      add(o.owner, o, 'owner');
      for (const kr of o.keyResults) add(kr.owner, kr, 'owner');
    }
    for (const g of this.org.smartGoals) add(g.owner, g, 'owner');
    const people = await this.session.repos.people.list(this.ws);
    const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
    const mayAdd = can(this.session.scope, 'manage', 'person');
    for (const [email, where] of named) {
      const id = byEmail.get(email);
      if (id) {
        this.people.set(email, id);
        continue;
      }
      const isEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
      const all = sites.get(email) ?? [where];
      if (!isEmail) {
        for (const w of all)
          this.problem(w, w.path, `"${email}" is not an email address: name people by email`);
      } else if (!this.options.createMissing || !mayAdd) {
        for (const w of all)
          this.problem(
            w,
            w.path,
            `no person ${email} in this workspace${mayAdd ? ' (import with createMissing, --create-missing, to add them)' : ''}`,
          );
      } else {
        const newId = this.session.deps.newId();
        if (!this.options.dryRun)
          await this.session.repos.people.insert({
            id: newId,
            workspaceId: this.ws,
            email,
            name: email.split('@')[0]!,
            role: 'member',
            timeZone: this.session.settings.timeZone,
            managerId: null,
            isActive: true,
            createdAt: this.session.at,
          });
        this.people.set(email, newId);
        this.changes.push({
          entityType: 'person',
          entityId: newId,
          action: 'created',
          after: { email, role: 'member' },
        });
        this.item({ type: 'person', key: email, title: email, action: 'create', changes: [] });
      }
    }
  }

  /** Writes the new rows in bulk: goals (objectives before their KRs), keys, check-ins. */
  async flush(): Promise<void> {
    const { repos } = this.session;
    const { pending } = this;
    await repos.objectives.insertMany(pending.objectives);
    await repos.keyResults.insertMany(pending.keyResults);
    await repos.smartGoals.insertMany(pending.smartGoals);
    await repos.goalKeys.setMany(this.ws, this.cycle.id, pending.keys);
    await repos.checkIns.insertMany(pending.checkIns);
    for (const row of [...pending.objectives, ...pending.keyResults, ...pending.smartGoals])
      this.rows.set(row.id, row);
  }

  /** The first unit (by id) of each person who owns a SMART goal in the files: a new goal's unit. */
  async preloadOwnerUnits(): Promise<void> {
    const owners = [
      ...new Set(this.org.smartGoals.map((g) => this.person(g.owner) ?? this.session.actor.personId)),
    ];
    for (let i = 0; i < owners.length; i += 2000) {
      const slice = owners.slice(i, i + 2000);
      const memberships = await this.session.repos.units.membershipsOfMany(slice);
      for (const id of slice) this.ownerUnits.set(id, null);
      for (const m of memberships) {
        const known = this.ownerUnits.get(m.personId);
        if (known === null || known === undefined || m.unitId < known)
          this.ownerUnits.set(m.personId, m.unitId);
      }
    }
  }

  person(email: string | undefined): string | null {
    return email ? (this.people.get(email.toLowerCase()) ?? null) : null;
  }

  /** Units by key: declared units match existing ones by name (or a name whose key is theirs). */
  async resolveUnits(): Promise<void> {
    const existing = await this.session.repos.units.list(this.ws);
    const roots = existing.filter((u) => u.parentId === null);
    const match = (key: string, name: string | undefined) =>
      existing.find((u) => name !== undefined && u.name.toLowerCase() === name.toLowerCase()) ??
      existing.find((u) => slugKey(u.name) === key || u.id === key) ??
      (key === 'company' && roots.length === 1 ? roots[0] : undefined);
    const declared = new Map(this.org.units.map((u) => [u.key, u]));
    const used = new Set<string>();
    for (const o of this.org.objectives) if (o.unit) used.add(o.unit);
    for (const u of this.org.units) used.add(u.key);
    const mayAdd = can(this.session.scope, 'manage', 'unit');
    const resolve = async (key: string, depth: number): Promise<string | undefined> => {
      const known = this.units.get(key);
      if (known) return known;
      const unit = declared.get(key);
      const found = match(key, unit?.name);
      if (found) {
        this.units.set(key, found.id);
        return found.id;
      }
      const site = this.org.objectives.find((o) => o.unit === key);
      if (!this.options.createMissing || !mayAdd || depth > 50) {
        const message = `no unit "${unit?.name ?? key}" in this workspace${mayAdd ? ' (import with createMissing, --create-missing, to add it)' : ''}`;
        // Skipping bad rows: every objective of the unit is a problem of its own.
        const all = this.options.skipInvalid ? this.org.objectives.filter((o) => o.unit === key) : [];
        if (all.length > 1) for (const o of all) this.problem(o, 'unit', message);
        else this.problem(site ?? {}, site ? 'unit' : `units.${key}`, message);
        return undefined;
      }
      const parentId = unit?.parent ? await resolve(unit.parent, depth + 1) : (roots[0]?.id ?? null);
      const id = this.session.deps.newId();
      if (!this.options.dryRun)
        await this.session.repos.units.insert({
          id,
          workspaceId: this.ws,
          parentId: parentId ?? null,
          name: unit?.name ?? key,
          createdAt: this.session.at,
        });
      this.units.set(key, id);
      this.changes.push({
        entityType: 'unit',
        entityId: id,
        action: 'created',
        after: { name: unit?.name ?? key },
      });
      this.item({ type: 'unit', key, title: unit?.name ?? key, action: 'create', changes: [] });
      for (const lead of unit?.leads ?? []) {
        const personId = this.person(lead);
        if (personId && !this.options.dryRun)
          await this.session.repos.units.setMember({
            workspaceId: this.ws,
            unitId: id,
            personId,
            isLead: true,
          });
      }
      return id;
    };
    for (const key of used) await resolve(key, 0);
  }

  async preload(): Promise<void> {
    const { repos } = this.session;
    const goals = await cycleGoals(repos, this.ws, this.cycle.id);
    for (const [key, goal] of goals.byKey) this.goalIds.set(key, goal);
    for (const row of [...goals.objectives, ...goals.keyResults, ...goals.smartGoals])
      this.rows.set(row.id, row);
    const measured = [
      ...goals.keyResults.filter((kr) => kr.checkinCount > 0),
      ...goals.smartGoals.filter((g) => g.checkinCount > 0),
    ].map((g) => g.id);
    for (let i = 0; i < measured.length; i += 2000)
      for (const row of await repos.checkIns.listByGoals(measured.slice(i, i + 2000))) {
        const list = this.storedCheckins.get(row.goalId);
        if (list) list.push(row);
        else this.storedCheckins.set(row.goalId, [row]);
      }
    const children = [...goals.objectives, ...goals.smartGoals].map((g) => g.id);
    for (let i = 0; i < children.length; i += 2000)
      for (const link of await repos.alignments.parentsOf(children.slice(i, i + 2000))) {
        const list = this.storedParents.get(link.childId);
        if (list) list.push(link);
        else this.storedParents.set(link.childId, [link]);
      }
  }

  /** The existing goal of a key, when it has that type and still exists. */
  async existing<T extends keyof GoalRowOf>(
    type: T,
    node: { key: string; source?: ObjectiveNode['source'] },
  ): Promise<GoalRowOf[T] | undefined> {
    const known = this.goalIds.get(node.key);
    if (!known) return undefined;
    const row = this.rows.get(known.id);
    if (!row) return undefined;
    if (known.type !== type) {
      this.problem(
        node,
        'key',
        `key "${node.key}" names a ${known.type.replace('_', ' ')} in this cycle, not a ${type.replace('_', ' ')}`,
      );
      return undefined;
    }
    return row as GoalRowOf[T];
  }

  async setKey(type: keyof GoalRowOf, key: string, id: string): Promise<void> {
    const known = this.goalIds.get(key);
    if (known?.id === id && known.isStored) return;
    this.goalIds.set(key, { type, id, isStored: true });
    this.pending.keys.push({ workspaceId: this.ws, cycleId: this.cycle.id, key, goalType: type, goalId: id });
  }

  cadenceOf(cadence: string): 'weekly' | 'biweekly' | 'monthly' | null {
    return cadence === this.session.settings.defaultCadence
      ? null
      : (cadence as 'weekly' | 'biweekly' | 'monthly');
  }

  async objective(o: ObjectiveNode): Promise<void> {
    this.progress();
    const { scope } = this.session;
    const before = await this.existing('objective', o);
    const unitId = o.unit ? (this.units.get(o.unit) ?? null) : null;
    const ownerId = this.person(o.owner) ?? (unitId ? null : this.session.actor.personId);
    const fields = {
      title: o.title,
      description: o.description ?? null,
      kind: o.kind ?? null,
      unitId,
      ownerId,
      leadId: this.person(o.lead) ?? ownerId ?? before?.leadId ?? this.session.actor.personId,
      visibility: o.visibility,
      state: o.state,
    };
    let id: string;
    if (!before) {
      const row: ObjectiveRow = {
        id: this.session.deps.newId(),
        workspaceId: this.ws,
        cycleId: this.cycle.id,
        ...fields,
        predecessorId: null,
        version: 1,
        createdAt: this.session.at,
        updatedAt: this.session.at,
        progress: null,
        score: null,
        latestCheckinAt: null,
        frozenScore: null,
        frozenGrade: null,
      };
      if (!can(scope, 'create', 'objective', objectiveSubject(row))) {
        this.problem(o, 'key', `you may not create objective "${o.title}" for this unit`);
        return;
      }
      this.pending.objectives.push(row);
      this.created.add(row.id);
      this.objectiveRows.set(row.id, row);
      this.changes.push({ entityType: 'objective', entityId: row.id, action: 'created', after: row });
      this.item({ type: 'objective', key: o.key, title: o.title, action: 'create', changes: [] });
      id = row.id;
    } else {
      id = before.id;
      this.objectiveRows.set(id, before);
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((f) => fields[f] !== before[f]);
      if (changed.length > 0) {
        if (!can(scope, 'update', 'objective', objectiveSubject(before))) {
          this.problem(o, 'key', `you may not edit objective "${before.title}"`);
          return;
        }
        const patch = Object.fromEntries(changed.map((f) => [f, fields[f as keyof typeof fields]]));
        if (!(await this.update('objective', before, patch, o))) return;
        const after = { ...before, ...patch, version: before.version + 1 } as ObjectiveRow;
        this.rows.set(id, after);
        this.objectiveRows.set(id, after);
        this.touched.add(id);
        this.changes.push({
          entityType: 'objective',
          entityId: id,
          action: 'updated',
          before,
          after: { ...before, ...patch },
        });
      }
      this.item({
        type: 'objective',
        key: o.key,
        title: o.title,
        action: changed.length > 0 ? 'update' : 'unchanged',
        changes: changed,
      });
    }
    await this.setKey('objective', o.key, id);
    for (const [position, kr] of o.keyResults.entries()) await this.keyResult(kr, id, position, o);
  }

  async keyResult(kr: KeyResultNode, objectiveId: string, position: number, o: ObjectiveNode): Promise<void> {
    this.progress();
    const { scope } = this.session;
    const before = await this.existing('key_result', kr);
    const tz = this.session.settings.timeZone;
    const fields = {
      objectiveId,
      title: kr.title,
      measure: kr.progressSource === 'aligned' ? null : measureJson(kr.measure),
      weight: kr.weight,
      ownerId: this.person(kr.owner) ?? before?.ownerId ?? this.person(o.lead) ?? null,
      plan: JSON.stringify(kr.plan.map((p) => ({ date: formatDate(p.at, tz), expected: p.expected }))),
      cadence: this.cadenceOf(kr.cadence),
      progressSource: kr.progressSource,
      isLeading: (kr.leading ? 1 : 0) as 0 | 1,
    };
    const subject = objectiveSubject(this.objectiveRows.get(objectiveId)!);
    let row: KeyResultRow;
    let changed: string[] = [];
    if (!before) {
      row = {
        id: this.session.deps.newId(),
        workspaceId: this.ws,
        ...fields,
        position,
        version: 1,
        createdAt: this.session.at,
        updatedAt: this.session.at,
        progress: null,
        score: null,
        latestValue: null,
        latestCheckinAt: null,
        checkinCount: 0,
        facts: null,
        frozenScore: null,
        frozenGrade: null,
      };
      if (!can(scope, 'create', 'key_result', subject)) {
        this.problem(kr, 'key', `you may not add key results to "${o.title}"`);
        return;
      }
      this.pending.keyResults.push(row);
      this.created.add(row.id);
      this.touched.add(row.id);
      this.changes.push({
        entityType: 'key_result',
        entityId: row.id,
        action: 'created',
        after: keyResultRecord(row),
      });
    } else {
      changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((f) =>
        f === 'measure' || f === 'plan'
          ? canonical(parse(fields[f])) !== canonical(parse(before[f]))
          : fields[f] !== before[f],
      );
      row = before;
      if (changed.length > 0) {
        if (!can(scope, 'update', 'key_result', subject)) {
          this.problem(kr, 'key', `you may not edit key result "${before.title}"`);
          return;
        }
        const patch = Object.fromEntries(changed.map((f) => [f, fields[f as keyof typeof fields]]));
        if (!(await this.update('key_result', before, patch, kr))) return;
        row = { ...before, ...patch, version: before.version + 1 };
        this.rows.set(row.id, row);
        this.touched.add(row.id);
        // A KR moved to another objective leaves its old objective's score to recompute.
        this.touched.add(before.objectiveId);
        this.changes.push({
          entityType: 'key_result',
          entityId: before.id,
          action: 'updated',
          before: keyResultRecord(before),
          after: keyResultRecord(row),
        });
      }
    }
    const checkins = kr.progressSource === 'aligned' ? [] : kr.checkins;
    await this.finishMeasured('key_result', kr, row, checkins, kr.measure, !before, changed);
  }

  /** A measured goal's last steps: its new check-ins, its line in the plan, and its key. */
  async finishMeasured(
    type: 'key_result' | 'smart_goal',
    node: { key: string; title: string },
    row: KeyResultRow | SmartGoalRow,
    checkins: readonly Checkin[],
    measure: Measure | undefined,
    isNew: boolean,
    changed: readonly string[],
  ): Promise<void> {
    const added = await this.checkins(type, row, checkins, measure);
    const changes = [...changed, ...(added ? [`${added} check-in(s)`] : [])];
    this.item({
      type,
      key: node.key,
      title: node.title,
      action: isNew ? 'create' : changes.length > 0 ? 'update' : 'unchanged',
      changes,
    });
    await this.setKey(type, node.key, row.id);
  }

  /** An update of a goal read in this transaction; a concurrent edit (another version) is a problem. */
  async update(
    type: keyof GoalRowOf,
    before: { id: string; version: number },
    patch: Record<string, unknown>,
    node: { source?: ObjectiveNode['source'] },
  ): Promise<boolean> {
    if (this.options.dryRun) return true;
    const { repos } = this.session;
    const values = { ...patch, updatedAt: this.session.at };
    const isWritten =
      type === 'objective'
        ? await repos.objectives.updateVersioned(before.id, before.version, values)
        : type === 'key_result'
          ? await repos.keyResults.updateVersioned(before.id, before.version, values)
          : await repos.smartGoals.updateVersioned(before.id, before.version, values);
    if (!isWritten)
      this.problem(node, 'key', 'the goal was changed by someone else during the import: import again');
    return isWritten;
  }

  async smartGoal(g: SmartGoalNode): Promise<void> {
    this.progress();
    const { scope } = this.session;
    const before = await this.existing('smart_goal', g);
    const ownerId = this.person(g.owner) ?? before?.ownerId ?? this.session.actor.personId;
    const tz = this.session.settings.timeZone;
    const fields = {
      title: g.title,
      definitionOfDone: g.definitionOfDone ?? null,
      ownerId,
      measure: measureJson(g.measure),
      startDate: g.startDate ?? formatDate(g.window.start, tz),
      dueDate: g.dueDate ?? formatDate(g.window.end - 1, tz),
      achievability: g.achievability ?? null,
      visibility: g.visibility,
      state: g.state,
      cadence: this.cadenceOf(g.cadence),
    };
    let row: SmartGoalRow;
    let changed: string[] = [];
    if (!before) {
      row = {
        id: this.session.deps.newId(),
        workspaceId: this.ws,
        cycleId: this.cycle.id,
        ...fields,
        unitId: this.ownerUnits.get(ownerId) ?? null,
        version: 1,
        createdAt: this.session.at,
        updatedAt: this.session.at,
        progress: null,
        score: null,
        latestValue: null,
        latestCheckinAt: null,
        checkinCount: 0,
        facts: null,
        frozenScore: null,
        frozenGrade: null,
      };
      if (!can(scope, 'create', 'smart_goal', smartGoalSubject(row))) {
        this.problem(g, 'owner', `you may not create SMART goals for ${g.owner ?? 'this owner'}`);
        return;
      }
      this.pending.smartGoals.push(row);
      this.created.add(row.id);
      this.touched.add(row.id);
      this.changes.push({
        entityType: 'smart_goal',
        entityId: row.id,
        action: 'created',
        after: smartGoalRecord(row),
      });
    } else {
      row = before;
      changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((f) =>
        f === 'measure'
          ? canonical(parse(fields[f])) !== canonical(parse(before[f]))
          : fields[f] !== before[f],
      );
      if (changed.length > 0) {
        if (!can(scope, 'update', 'smart_goal', smartGoalSubject(before))) {
          this.problem(g, 'key', `you may not edit SMART goal "${before.title}"`);
          return;
        }
        const patch = Object.fromEntries(changed.map((f) => [f, fields[f as keyof typeof fields]]));
        if (!(await this.update('smart_goal', before, patch, g))) return;
        row = { ...before, ...patch, version: before.version + 1 };
        this.rows.set(row.id, row);
        this.touched.add(row.id);
        this.changes.push({
          entityType: 'smart_goal',
          entityId: before.id,
          action: 'updated',
          before: smartGoalRecord(before),
          after: smartGoalRecord(row),
        });
      }
    }
    await this.finishMeasured('smart_goal', g, row, g.checkins, g.measure, !before, changed);
  }

  /** Adds the file's check-ins the goal does not have (same moment and same value); returns how many. */
  async checkins(
    type: 'key_result' | 'smart_goal',
    goal: KeyResultRow | SmartGoalRow,
    checkins: readonly Checkin[],
    measure: Measure | undefined,
  ): Promise<number> {
    if (checkins.length === 0 || !measure) return 0;
    const { repos } = this.session;
    const stored = this.storedCheckins.get(goal.id) ?? [];
    const names =
      measure.type === 'milestones'
        ? new Map(milestoneWeights(measure).map((m) => [m.name.toLowerCase(), m.name]))
        : undefined;
    const seen = new Set(stored.map((c) => `${c.at}/${c.value}/${c.done ?? ''}`));
    const rows: CheckInsTable[] = [];
    let seq = goal.checkinCount;
    const latest = [...stored].sort((a, b) => a.at - b.at || a.seq - b.seq).at(-1);
    for (const c of checkins) {
      const done = names ? JSON.stringify((c.done ?? []).map((n) => names.get(n.toLowerCase()) ?? n)) : null;
      const signature = `${c.at}/${c.value}/${done ?? ''}`;
      if (seen.has(signature)) continue;
      // A value "as of now" (`current`, a spreadsheet's Current column) is news only when it differs
      // from the latest check-in: importing the same sheet again adds nothing.
      if (c.at === this.now && latest && latest.value === c.value && (latest.done ?? null) === done) continue;
      seen.add(signature);
      rows.push({
        id: this.session.deps.newId(),
        workspaceId: this.ws,
        goalType: type,
        goalId: goal.id,
        seq: seq++,
        at: c.at,
        value: c.value,
        done,
        confidence: c.confidence ?? null,
        note: c.note ?? null,
        authorId: this.session.actor.personId,
        source: 'import',
        correctsId: null,
        createdAt: this.session.at,
      });
    }
    if (rows.length === 0) return 0;
    this.pending.checkIns.push(...rows);
    this.touched.add(goal.id);
    if (this.created.has(goal.id)) goal.checkinCount = seq;
    else if (!this.options.dryRun) {
      if (type === 'key_result') await repos.keyResults.updateDerived(goal.id, { checkinCount: seq });
      else await repos.smartGoals.updateDerived(goal.id, { checkinCount: seq });
    }
    this.checkIns += rows.length;
    for (const row of rows)
      this.changes.push({
        entityType: type,
        entityId: goal.id,
        action: 'checked_in',
        after: { checkInId: row.id, at: row.at, value: row.value, source: 'import' },
      });
    return rows.length;
  }

  /**
   * The goal a link names: a key of this cycle, or `CYCLE/key` (an export's link to a goal of
   * another cycle) resolved by that cycle's keys, those of a cycle imported just before in the
   * same import first (so a dry run of every cycle resolves them too), else the workspace's.
   */
  async linkTarget(
    name: string,
  ): Promise<{ cycle?: string; target?: { type: keyof GoalRowOf; id: string } | undefined }> {
    const { cycle, key } = splitLinkKey(name);
    if (cycle === undefined || cycle === this.cycle.name) return { target: this.goalIds.get(key) };
    const runs = importedCycles(this.session);
    let keys = runs.get(cycle);
    if (!keys) {
      const { repos } = this.session;
      const found = await repos.cycles.findByName(this.ws, cycle);
      keys = found ? await cycleGoalKeys(repos, this.ws, found.id) : new Map();
      runs.set(cycle, keys);
    }
    return { cycle, target: keys.get(key) };
  }

  /** The links of every imported child are the file's: added, re-weighted, and removed when gone. */
  async alignAll(): Promise<void> {
    importedCycles(this.session).set(this.cycle.name, this.goalIds);
    const { repos } = this.session;
    const children: {
      type: 'objective' | 'smart_goal';
      node: ObjectiveNode | SmartGoalNode;
      parents: Link[];
    }[] = [
      ...this.org.objectives.map((o) => ({ type: 'objective' as const, node: o, parents: o.parents })),
      ...this.org.smartGoals.map((g) => ({ type: 'smart_goal' as const, node: g, parents: g.parents })),
    ];
    for (const child of children) {
      const childId = this.goalIds.get(child.node.key)?.id;
      if (!childId) continue;
      const current = this.storedParents.get(childId) ?? [];
      const wanted = new Map<string, { type: 'objective' | 'key_result'; weight: number }>();
      for (const parent of child.parents) {
        const { cycle: otherCycle, target } = await this.linkTarget(parent.key);
        if (!target || target.type === 'smart_goal') {
          this.problem(
            child.node,
            child.type === 'objective' ? 'aligns_to' : 'supports',
            target
              ? `"${parent.key}" is a SMART goal: link to an objective or key result`
              : this.skippedKeys.has(parent.key)
                ? `it aligns to "${parent.key}", which is skipped, so it is skipped too`
                : otherCycle
                  ? `no objective or key result has the key "${splitLinkKey(parent.key).key}" in cycle ${otherCycle}`
                  : `no objective or key result has the key "${parent.key}", in the files or in cycle ${this.cycle.name}`,
          );
          continue;
        }
        wanted.set(target.id, { type: target.type, weight: parent.weight });
      }
      const changes: string[] = [];
      for (const [parentId, want] of wanted) {
        const have = current.find((l) => l.parentId === parentId);
        if (have && have.weight === want.weight) continue;
        changes.push(have ? 'link weight' : 'link');
        if (!this.options.dryRun)
          await link(
            this.session,
            { childType: child.type, childId, parentType: want.type, parentId, weight: want.weight },
            'aligns_to',
          );
      }
      for (const have of current) {
        if (wanted.has(have.parentId)) continue;
        changes.push('link removed');
        if (!this.options.dryRun) {
          await repos.alignments.delete(have.id);
          this.changes.push({
            entityType: child.type,
            entityId: childId,
            action: 'unaligned',
            before: { parentId: have.parentId },
          });
        }
      }
      if (changes.length > 0) {
        const item = this.items.find((i) => i.key === child.node.key);
        if (item) {
          item.changes.push(...changes);
          if (item.action === 'unchanged') item.action = 'update';
        }
      }
    }
  }
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}
