import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { pdfText } from '../test/pdf-text';

describeEachDialect('cycle reports and calibration', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  const as: Record<string, { bearer: string }> = {};
  let privateGoalId: string;
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    for (const who of ['admin', 'lead', 'member', 'colleague', 'viewer'] as const)
      as[who] = await api.tokenFor(org[who]);
    privateGoalId = (
      await api.deps.services.smartGoals.create(org.member, {
        cycleId: org.cycleId,
        title: 'Pass the cloud certification exam',
        startDate: '2026-10-01',
        dueDate: '2026-11-30',
        measure: { type: 'boolean' },
        visibility: 'private',
      })
    ).id;
  });
  afterAll(() => api.dispose());

  it('has no report while the cycle is open, then grades, distributions and lessons once closed', async () => {
    expect((await api.call('GET', `/api/v1/cycles/${org.cycleId}/report`, { as: as.viewer })).status).toBe(
      409,
    );
    await api.call('POST', '/api/v1/check-ins', {
      as: as.member,
      body: { goalType: 'key_result', goalId: org.krId, value: 80, confidence: 8 },
    });
    await api.call('POST', '/api/v1/check-ins', {
      as: as.member,
      body: { goalType: 'smart_goal', goalId: privateGoalId, done: true, confidence: 9 },
    });
    api.clock.set(Date.UTC(2027, 0, 4));
    const closed = await api.call('POST', `/api/v1/cycles/${org.cycleId}/close`, {
      as: as.admin,
      body: {
        decisions: [
          { objectiveId: org.objectiveId, decision: 'modify', learned: 'Weekly check-ins kept us honest' },
        ],
      },
    });
    expect(closed.status).toBe(200);
    const report = await api.call('GET', `/api/v1/cycles/${org.cycleId}/report`, { as: as.viewer });
    expect(report.status).toBe(200);
    const objective = report.body.objectives.find((o: { id: string }) => o.id === org.objectiveId);
    expect(objective).toMatchObject({ decision: 'modify', learned: 'Weekly check-ins kept us honest' });
    const kr = objective.keyResults.find((k: { id: string }) => k.id === org.krId);
    expect(kr).toMatchObject({ grade: 0.8, band: 'green' });
    expect(report.body.distribution.keyResults.green).toBeGreaterThanOrEqual(1);
    expect(report.body.smartGoals.map((g: { id: string }) => g.id)).not.toContain(privateGoalId);
    expect(report.body.hiddenSummary).toBe('1 private goal');
    const asOwner = await api.call('GET', `/api/v1/cycles/${org.cycleId}/report`, { as: as.member });
    expect(asOwner.body.smartGoals.map((g: { id: string }) => g.id)).toContain(privateGoalId);
  });

  it('downloads the report as Markdown, one self-contained HTML file and a PDF, with the same content', async () => {
    const json = (await api.call('GET', `/api/v1/cycles/${org.cycleId}/report`, { as: as.viewer })).body;
    const objective = json.objectives.find((o: { id: string }) => o.id === org.objectiveId);
    const kr = objective.keyResults.find((k: { id: string }) => k.id === org.krId);
    const get = (format: string, who = as.viewer!) =>
      api.app.request(`/api/v1/cycles/${org.cycleId}/report?format=${format}`, {
        headers: { Authorization: `Bearer ${who.bearer}` },
      });

    const md = await get('md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="org-2026-q4-report.md"');
    const text = await md.text();
    expect(text).toMatch(/^# Org: 2026-Q4 report\n\nClosed on 2027-01-04\./);
    expect(text).toContain(`### ${objective.title}`);
    expect(text).toContain('Decision: **Modify**');
    expect(text).toContain('> What we learned: Weekly check-ins kept us honest');
    expect(text).toContain(`| ${kr.title} | 0.8 | green |`);
    expect(text).toContain('<svg');
    expect(text).not.toContain('Pass the cloud certification exam');
    expect(text).toContain('1 private goal');

    const html = await get('html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await html.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(`<h3>${objective.title}</h3>`);
    expect(page).toContain('What we learned: Weekly check-ins kept us honest');
    expect(page).toMatch(/Ambition index|Commitment reliability/);
    // Self-contained: no script, no stylesheet or image fetched from anywhere.
    expect(page).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect((page.match(/<svg/g) ?? []).length).toBe(2);

    const pdf = await get('pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const words = pdfText(bytes);
    if (words !== undefined) {
      expect(words).toContain('Org: 2026-Q4 report');
      expect(words).toContain(objective.title);
      expect(words).toContain('What we learned: Weekly check-ins kept us honest');
      expect(words).toMatch(new RegExp(`${kr.title}: 0\\.8 \\(green\\)`));
      expect(words).not.toContain('Pass the cloud certification exam');
      // The owner sees their private goal in the document as in the JSON.
      expect(pdfText(Buffer.from(await (await get('pdf', as.member)).arrayBuffer()))).toContain(
        'Pass the cloud certification exam',
      );
    }
    expect((await get('docx')).status).toBe(400);
  });

  it('calibrates a unit and, privately, a person', async () => {
    const unit = await api.call('GET', `/api/v1/calibration?unit=${org.companyId}`, { as: as.viewer });
    expect(unit.status).toBe(200);
    expect(unit.body.cycles.map((c: { name: string }) => c.name)).toEqual(['2026-Q4']);
    expect(unit.body.ambition).toMatchObject({ value: null, band: null, count: 2 });
    expect(unit.body.confidence.count).toBe(1);
    expect(unit.body.confidence.value).toBeCloseTo(0.04, 12);
    const self = await api.call('GET', `/api/v1/calibration?person=${org.member.personId}`, {
      as: as.member,
    });
    expect(self.status).toBe(200);
    expect(self.body.commitment).toEqual({ value: 1, count: 1 });
    expect(
      (await api.call('GET', `/api/v1/calibration?person=${org.member.personId}`, { as: as.lead })).status,
    ).toBe(200);
    expect(
      (await api.call('GET', `/api/v1/calibration?person=${org.member.personId}`, { as: as.colleague }))
        .status,
    ).toBe(403);
    expect((await api.call('GET', '/api/v1/calibration', { as: as.viewer })).status).toBe(400);
    expect((await api.call('GET', '/api/v1/calibration?unit=nope', { as: as.viewer })).status).toBe(404);
  });
});
