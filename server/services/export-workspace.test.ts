import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../core/goals-file/model';
import { parseGoalsFile } from '../../core/goals-file/parse';
import { goalsFileChunks, stringifyGoalsFile, writeGoalsFile } from '../../core/goals-file/write';
import { type GeneratedOrg, generateOrganisation, ORG_SIZES } from '../demo/large';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, testServices } from '../test/scenario';
import type { Actor, Services } from './index';
import { readCsv } from './spreadsheet-files';

const AT = Date.UTC(2026, 10, 20);

/** The documents of a YAML stream without their comment lines. */
const documents = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .split(/^---\n/m)
    .filter((doc) => doc.trim() !== '');

describeEachDialect('export of every cycle, and of a unit, and back', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: GeneratedOrg;
  let admin: Actor;
  let cycleNames: string[];

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    org = await generateOrganisation(test.db, { size: ORG_SIZES.tiny, at: AT });
    s = testServices(test.db, AT).services;
    admin = actorFor(org.workspaceId, org.adminId);
    const cycles = await test.db.kysely
      .selectFrom('cycles')
      .select(['name', 'startDate'])
      .where('workspaceId', '=', org.workspaceId)
      .orderBy('startDate')
      .execute();
    cycleNames = cycles.map((c) => c.name);
    expect(cycleNames.length).toBe(ORG_SIZES.tiny.cycles);
  }, 120_000);
  afterAll(() => test.dispose());

  /** A new workspace with no cycles, goals, units or people but its admin. */
  const emptyWorkspace = async (name: string) => {
    const { workspace, adminId } = await s.workspaces.create({
      name,
      admin: { email: `admin@${name.toLowerCase()}.test`, name: 'Admin' },
    });
    return actorFor(workspace.id, adminId);
  };

  it('writes every cycle as a stream of goals files that imports into an empty workspace field by field', async () => {
    const exported = await s.exports.workspace(admin, { format: 'yaml' });
    expect(exported.filename).toMatch(/-all-cycles\.yaml$/);
    const docs = documents(exported.body as string);
    expect(docs.length).toBe(cycleNames.length);
    // Each document is a goals file of its own (tandem score and lint read it), oldest cycle first.
    docs.forEach((doc, i) => {
      const parsed = parseGoalsFile(doc, `doc${i}.yaml`);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
      expect(parsed.parsed.content.cycle).toBe(cycleNames[i]);
    });
    const text = exported.body as string;
    // Something of every kind the round trip must carry: alignment, history with notes, units.
    expect(text).toMatch(/\n {4}aligns_to: /);
    expect(text).toMatch(/\n {4}supports: /);
    expect((text.match(/\n +- at: /g) ?? []).length).toBeGreaterThan(100);
    expect(exported.counts.objectives).toBe(ORG_SIZES.tiny.objectives * ORG_SIZES.tiny.cycles);

    const other = await emptyWorkspace('Copy');
    const plan = await s.imports.goalsFiles(other, {
      files: [{ name: 'all.yaml', text }],
      createMissing: true,
      dryRun: true,
    });
    expect(plan.problems).toEqual([]);
    expect(plan.cycles).toEqual(cycleNames);
    expect(plan.items.filter((i) => i.type === 'objective').map((i) => i.cycle)).toContain(cycleNames[0]);
    const into = await s.imports.goalsFiles(other, {
      files: [{ name: 'all.yaml', text }],
      createMissing: true,
    });
    expect(into.problems).toEqual([]);
    expect(into.isApplied).toBe(true);
    expect(into.cycle).toBe(cycleNames.join(', '));
    const back = await s.exports.workspace(other, { format: 'yaml' });
    expect(documents(back.body as string)).toEqual(docs);

    // Again: nothing changes, in any cycle.
    const again = await s.imports.goalsFiles(other, { files: [{ name: 'all.yaml', text }] });
    expect(again.problems).toEqual([]);
    expect(again.summary).toMatchObject({ create: 0, update: 0, checkIns: 0 });
  }, 120_000);

  it('writes a CSV with a Cycle column and a workbook with a sheet per cycle, which import back', async () => {
    const csv = (await s.exports.workspace(admin, { format: 'csv' })).body as string;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Cycle,Type,Key,Objective key,/);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(cycleNames));

    const xlsx = (await s.exports.workspace(admin, { format: 'xlsx' })).body as Uint8Array;
    const book = XLSX.read(xlsx, { type: 'array' });
    expect(book.SheetNames).toEqual(cycleNames);

    for (const [name, file] of [
      ['all.csv', { name: 'all.csv', text: csv }],
      ['all.xlsx', { name: 'all.xlsx', base64: Buffer.from(xlsx).toString('base64') }],
    ] as const) {
      const other = await emptyWorkspace(`From-${name.replace('.', '-')}`);
      const into = await s.imports.goalsFiles(other, { files: [file], createMissing: true });
      expect(into.problems, name).toEqual([]);
      expect(into.cycles, name).toEqual(cycleNames);
      // Goals, values and alignment, column by column; not the numbers computed from the history
      // (a spreadsheet holds the current value only: the goals file carries the history).
      const again = (await s.exports.workspace(other, { format: 'csv' })).body as string;
      const computed = new Set(['Progress', 'Score', 'Status', 'Last check-in']);
      const cut = (text: string) => {
        const [header, ...rows] = readCsv(text).sheets[0]!.rows;
        return rows.map((row) => row.filter((_, i) => !computed.has(String(header![i]))));
      };
      expect(cut(again), name).toEqual(cut(csv));
    }
  }, 120_000);

  it('streams a goals file goal by goal that is the text the whole-document writer makes', async () => {
    const cycle = cycleNames.at(-1)!;
    const exported = await s.exports.cycle(admin, { cycle, format: 'yaml' });
    const pieces = [...exported.chunks()];
    expect(pieces.length).toBeGreaterThan(1);
    const streamed = pieces.join('');
    expect(streamed).toBe(exported.body);
    // The previous writer (the whole file as data, then emitYaml) on what the export holds.
    const parsed = parseGoalsFile(streamed, 'streamed.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
    const built = buildOrganisation([parsed.parsed], { now: AT });
    if (!built.ok) throw new Error(JSON.stringify(built.problems.slice(0, 3)));
    const header = streamed
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => line.replace(/^# ?/, ''))
      .join('\n');
    const whole = stringifyGoalsFile(writeGoalsFile(built.org, { cycle }), header);
    expect(whole.length).toBeGreaterThan(10_000);
    expect([...goalsFileChunks(built.org, { cycle }, header)].join('')).toBe(whole);
    expect(streamed).toBe(whole);
  });

  it("exports a unit's subtree in a cycle, and that imports into an empty workspace as it was", async () => {
    const unit = await test.db.kysely
      .selectFrom('units')
      .select(['id', 'name'])
      .where('workspaceId', '=', org.workspaceId)
      .where('parentId', '=', org.rootUnitId)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const cycle = cycleNames.at(-1)!;
    const whole = await s.exports.cycle(admin, { cycle, format: 'yaml' });
    const part = await s.exports.cycle(admin, { cycle, unitId: unit.name, format: 'yaml' });
    expect(part.counts.objectives).toBeGreaterThan(0);
    expect(part.counts.objectives).toBeLessThan(whole.counts.objectives);
    const other = await emptyWorkspace('Unit');
    const into = await s.imports.goalsFiles(other, {
      files: [{ name: 'unit.yaml', text: part.body as string }],
      createMissing: true,
    });
    expect(into.problems).toEqual([]);
    const back = await s.exports.cycle(other, { cycle, format: 'yaml' });
    expect(documents(back.body as string)).toEqual(documents(part.body as string));
  }, 120_000);
});

describe('export of every cycle: what is refused', () => {
  it('names a unit it cannot find', async () => {
    const test = await freshDatabase('sqlite');
    try {
      const s = testServices(test.db, AT).services;
      const { workspace, adminId } = await s.workspaces.create({
        name: 'W',
        admin: { email: 'a@w.test', name: 'A' },
      });
      await expect(
        s.exports.workspace(actorFor(workspace.id, adminId), { format: 'yaml', unitId: 'Nowhere' }),
      ).rejects.toThrow(/unit Nowhere not found/);
    } finally {
      await test.dispose();
    }
  });
});
