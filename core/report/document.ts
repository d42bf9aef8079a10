import { type AmbitionBand, ambitionIndex, commitmentReliability } from '../calibration';

/** A grade band (SPEC 3): red, yellow or green. */
export type Band = 'red' | 'yellow' | 'green';
type Bands = Record<Band, number>;

/** What a cycle report document shows: the closed cycle's report, with names instead of ids. */
export interface ReportInput {
  workspace: string;
  cycle: { name: string; closedOn: string | null };
  objectives: {
    title: string;
    kind: 'aspirational' | 'committed';
    unit: string | null;
    grade: number | null;
    band: Band | null;
    decision: string | null;
    learned: string | null;
    keyResults: {
      title: string;
      score: number | null;
      grade: number | null;
      band: Band | null;
      mayBeTooSafe: boolean;
      rootCauseTag: string | null;
      rootCauseNote: string | null;
    }[];
  }[];
  smartGoals: {
    title: string;
    owner: string;
    grade: number | null;
    band: Band | null;
    rootCauseNote: string | null;
  }[];
  distribution: { objectives: Bands; keyResults: Bands; smartGoals: Bands };
  hiddenSummary: string | null;
}

/** The calibration a report shows: aggregates of this cycle's visible goals only (SPEC 3.8 and 8). */
export interface ReportCalibration {
  ambition: ReturnType<typeof ambitionIndex>;
  commitment: ReturnType<typeof commitmentReliability>;
}

/** Ambition (aspirational KR grades) and commitment reliability (committed KRs and SMART goals). */
export function reportCalibration(report: {
  objectives: readonly {
    kind: 'aspirational' | 'committed';
    keyResults: readonly { score: number | null; grade: number | null }[];
  }[];
  smartGoals: readonly { grade: number | null }[];
}): ReportCalibration {
  const aspirational: number[] = [];
  const committed: number[] = [];
  for (const o of report.objectives)
    for (const kr of o.keyResults) {
      if (kr.grade === null) continue;
      if (o.kind === 'committed') committed.push(kr.score ?? kr.grade);
      else aspirational.push(kr.grade);
    }
  for (const g of report.smartGoals) if (g.grade !== null) committed.push(g.grade);
  return { ambition: ambitionIndex(aspirational), commitment: commitmentReliability(committed) };
}

/** Colours of the bands, readable on white and in grey print. */
export const BAND_COLOURS: Record<Band, string> = { red: '#c62828', yellow: '#b7791f', green: '#2e7d32' };

const DECISIONS: Record<string, string> = { continue: 'Continue', modify: 'Modify', drop: 'Drop' };
const TAGS: Record<string, string> = {
  too_ambitious: 'too ambitious',
  execution: 'execution',
  external_change: 'external change',
  wrong_metric: 'wrong metric',
  deprioritised: 'deprioritised',
};

/** A grade as people read it: 0.7. */
export const gradeText = (grade: number | null): string => (grade === null ? '–' : grade.toFixed(1));
export const bandText = (band: Band | null): string => band ?? 'no grade';
export const decisionText = (decision: string | null): string =>
  decision ? (DECISIONS[decision] ?? decision) : 'no decision';
export const tagText = (tag: string | null): string => (tag ? (TAGS[tag] ?? tag) : '');

const AMBITION: Record<AmbitionBand, string> = {
  overreaching: 'overreaching (below 0.4)',
  ambitious: 'ambitious (0.4 to 0.6)',
  calibrated: 'calibrated (0.6 to 0.8)',
  too_safe: 'too safe (above 0.8)',
};

/** An ambition band with its range, as SPEC 3.8 draws it: "calibrated (0.6 to 0.8)". */
export const ambitionBandText = (band: AmbitionBand): string => AMBITION[band];

/** The calibration in words, one line each. */
export function calibrationLines(c: ReportCalibration): string[] {
  const ambition =
    c.ambition.value === null
      ? `Ambition index: not enough aspirational KRs with grades (${c.ambition.count}; 3 needed).`
      : `Ambition index: ${c.ambition.value.toFixed(2)}, ${AMBITION[c.ambition.band!] ?? c.ambition.band} over ${c.ambition.count} aspirational KRs.`;
  const commitment =
    c.commitment.value === null
      ? 'Commitment reliability: no committed KRs or SMART goals with grades.'
      : `Commitment reliability: ${Math.round(c.commitment.value * 100)} % of ${c.commitment.count} committed KRs and SMART goals met.`;
  return [ambition, commitment];
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The distribution of grades as stacked horizontal bars, one per kind of goal (SVG, no script). */
export function distributionSvg(d: ReportInput['distribution']): string {
  const rows: [string, Bands][] = [
    ['Objectives', d.objectives],
    ['Key results', d.keyResults],
    ['SMART goals', d.smartGoals],
  ];
  const width = 640;
  const left = 110;
  const barWidth = width - left - 20;
  const parts: string[] = [];
  rows.forEach(([label, bands], i) => {
    const y = 10 + i * 34;
    const total = bands.red + bands.yellow + bands.green;
    parts.push(`<text x="0" y="${y + 16}" font-size="13">${label}</text>`);
    if (total === 0) {
      parts.push(`<text x="${left}" y="${y + 16}" font-size="12" fill="#555">none graded</text>`);
      return;
    }
    let x = left;
    for (const band of ['green', 'yellow', 'red'] as const) {
      const w = (bands[band] / total) * barWidth;
      if (w <= 0) continue;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="22" fill="${BAND_COLOURS[band]}"><title>${band}: ${bands[band]}</title></rect>`,
      );
      if (w > 24)
        parts.push(
          `<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" font-size="12" fill="#fff" text-anchor="middle">${bands[band]}</text>`,
        );
      x += w;
    }
  });
  const height = 10 + rows.length * 34;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Distribution of grades: green, yellow and red" font-family="Helvetica, Arial, sans-serif">${parts.join('')}</svg>`;
}

/** Each objective's grade as a horizontal bar from 0 to 1, coloured by band (SVG). */
export function gradesSvg(objectives: ReportInput['objectives']): string {
  const width = 640;
  const left = 260;
  const barWidth = width - left - 50;
  const rowHeight = 22;
  const parts: string[] = [];
  objectives.forEach((o, i) => {
    const y = 20 + i * rowHeight;
    const title = o.title.length > 40 ? `${o.title.slice(0, 39)}…` : o.title;
    parts.push(`<text x="0" y="${y + 13}" font-size="12">${escapeXml(title)}</text>`);
    const w = (o.grade ?? 0) * barWidth;
    parts.push(`<rect x="${left}" y="${y + 2}" width="${barWidth}" height="14" fill="#eee"/>`);
    if (o.grade !== null)
      parts.push(
        `<rect x="${left}" y="${y + 2}" width="${w.toFixed(1)}" height="14" fill="${BAND_COLOURS[o.band ?? 'red']}"/>`,
      );
    parts.push(`<text x="${left + barWidth + 6}" y="${y + 13}" font-size="12">${gradeText(o.grade)}</text>`);
  });
  for (const tick of [0, 0.3, 0.7, 1]) {
    const x = left + tick * barWidth;
    parts.push(
      `<line x1="${x}" y1="14" x2="${x}" y2="${20 + objectives.length * rowHeight}" stroke="#999" stroke-dasharray="2 3"/>`,
    );
    parts.push(`<text x="${x}" y="10" font-size="10" text-anchor="middle" fill="#555">${tick}</text>`);
  }
  const height = 26 + objectives.length * rowHeight;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Grade of each objective, from 0 to 1" font-family="Helvetica, Arial, sans-serif">${parts.join('')}</svg>`;
}

const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The report as Markdown: headings, tables, and the charts as inline SVG. */
export function reportMarkdown(r: ReportInput): string {
  const calibration = reportCalibration(r);
  const out: string[] = [`# ${r.workspace}: ${r.cycle.name} report`, ''];
  out.push(r.cycle.closedOn ? `Closed on ${r.cycle.closedOn}.` : 'Not closed.', '');
  if (r.hiddenSummary) out.push(`_${r.hiddenSummary}_`, '');
  out.push('## Distribution of grades', '', '| | green | yellow | red |', '|---|---:|---:|---:|');
  for (const [label, b] of [
    ['Objectives', r.distribution.objectives],
    ['Key results', r.distribution.keyResults],
    ['SMART goals', r.distribution.smartGoals],
  ] as const)
    out.push(`| ${label} | ${b.green} | ${b.yellow} | ${b.red} |`);
  out.push('', distributionSvg(r.distribution), '', '## Calibration', '');
  for (const line of calibrationLines(calibration)) out.push(`- ${line}`);
  out.push('', '## Objectives', '');
  if (r.objectives.length > 0) out.push(gradesSvg(r.objectives), '');
  for (const o of r.objectives) {
    out.push(`### ${mdCell(o.title)}`, '');
    out.push(
      `${o.kind}${o.unit ? `, ${mdCell(o.unit)}` : ''}: grade **${gradeText(o.grade)}** (${bandText(o.band)}). Decision: **${decisionText(o.decision)}**.`,
      '',
    );
    if (o.learned) out.push(`> What we learned: ${mdCell(o.learned)}`, '');
    if (o.keyResults.length > 0) {
      out.push('| Key result | grade | band | root cause |', '|---|---:|---|---|');
      for (const kr of o.keyResults) {
        const cause = [tagText(kr.rootCauseTag), kr.rootCauseNote ?? ''].filter(Boolean).join(': ');
        out.push(
          `| ${mdCell(kr.title)}${kr.mayBeTooSafe ? ' (may be too safe)' : ''} | ${gradeText(kr.grade)} | ${bandText(kr.band)} | ${mdCell(cause)} |`,
        );
      }
      out.push('');
    }
  }
  out.push('## Lessons and decisions', '');
  const lessons = r.objectives.filter((o) => o.decision || o.learned);
  if (lessons.length === 0) out.push('None recorded.');
  for (const o of lessons)
    out.push(
      `- **${mdCell(o.title)}**: ${decisionText(o.decision)}.${o.learned ? ` ${mdCell(o.learned)}` : ''}`,
    );
  out.push('', '## SMART goals', '');
  if (r.smartGoals.length === 0) out.push('None.');
  else {
    out.push('| SMART goal | owner | grade | band | root cause |', '|---|---|---:|---|---|');
    for (const g of r.smartGoals)
      out.push(
        `| ${mdCell(g.title)} | ${mdCell(g.owner)} | ${gradeText(g.grade)} | ${bandText(g.band)} | ${mdCell(g.rootCauseNote ?? '')} |`,
      );
  }
  return `${out.join('\n')}\n`;
}

const h = escapeXml;

const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:960px;margin:2rem auto;padding:0 1.5rem;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .3rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f5f5f5}
td.n{text-align:right;font-variant-numeric:tabular-nums}.band{display:inline-block;padding:0 .45rem;border-radius:.6rem;color:#fff;font-size:.8rem}
.green{background:#2e7d32}.yellow{background:#b7791f}.red{background:#c62828}.none{background:#777}
.muted{color:#555}blockquote{margin:.4rem 0 .8rem;padding:.2rem .8rem;border-left:3px solid #bbb;color:#333}
svg{max-width:100%;height:auto}section.objective{break-inside:avoid}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}a{color:inherit}}
`;

const bandBadge = (band: Band | null) => `<span class="band ${band ?? 'none'}">${bandText(band)}</span>`;

/** The report as one self-contained HTML file: inline CSS and SVG, no script, no external request. */
export function reportHtml(r: ReportInput): string {
  const calibration = reportCalibration(r);
  const title = `${r.workspace}: ${r.cycle.name} report`;
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${h(title)}</h1>`,
    `<p class="muted">${r.cycle.closedOn ? `Closed on ${h(r.cycle.closedOn)}.` : 'Not closed.'}${r.hiddenSummary ? ` ${h(r.hiddenSummary)}` : ''}</p>`,
    '<h2>Distribution of grades</h2>',
    '<table><thead><tr><th></th><th>green</th><th>yellow</th><th>red</th></tr></thead><tbody>',
  ];
  for (const [label, b] of [
    ['Objectives', r.distribution.objectives],
    ['Key results', r.distribution.keyResults],
    ['SMART goals', r.distribution.smartGoals],
  ] as const)
    parts.push(
      `<tr><th>${label}</th><td class="n">${b.green}</td><td class="n">${b.yellow}</td><td class="n">${b.red}</td></tr>`,
    );
  parts.push('</tbody></table>', distributionSvg(r.distribution), '<h2>Calibration</h2><ul>');
  for (const line of calibrationLines(calibration)) parts.push(`<li>${h(line)}</li>`);
  parts.push('</ul><h2>Objectives</h2>');
  if (r.objectives.length > 0) parts.push(gradesSvg(r.objectives));
  for (const o of r.objectives) {
    parts.push(
      '<section class="objective">',
      `<h3>${h(o.title)}</h3>`,
      `<p>${h(o.kind)}${o.unit ? `, ${h(o.unit)}` : ''}: grade <strong>${gradeText(o.grade)}</strong> ${bandBadge(o.band)}. Decision: <strong>${h(decisionText(o.decision))}</strong>.</p>`,
    );
    if (o.learned) parts.push(`<blockquote>What we learned: ${h(o.learned)}</blockquote>`);
    if (o.keyResults.length > 0) {
      parts.push(
        '<table><thead><tr><th>Key result</th><th>grade</th><th>band</th><th>root cause</th></tr></thead><tbody>',
      );
      for (const kr of o.keyResults) {
        const cause = [tagText(kr.rootCauseTag), kr.rootCauseNote ?? ''].filter(Boolean).join(': ');
        parts.push(
          `<tr><td>${h(kr.title)}${kr.mayBeTooSafe ? ' <span class="muted">(may be too safe)</span>' : ''}</td><td class="n">${gradeText(kr.grade)}</td><td>${bandBadge(kr.band)}</td><td>${h(cause)}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
  }
  parts.push('<h2>Lessons and decisions</h2>');
  const lessons = r.objectives.filter((o) => o.decision || o.learned);
  if (lessons.length === 0) parts.push('<p>None recorded.</p>');
  else {
    parts.push('<ul>');
    for (const o of lessons)
      parts.push(
        `<li><strong>${h(o.title)}</strong>: ${h(decisionText(o.decision))}.${o.learned ? ` ${h(o.learned)}` : ''}</li>`,
      );
    parts.push('</ul>');
  }
  parts.push('<h2>SMART goals</h2>');
  if (r.smartGoals.length === 0) parts.push('<p>None.</p>');
  else {
    parts.push(
      '<table><thead><tr><th>SMART goal</th><th>owner</th><th>grade</th><th>band</th><th>root cause</th></tr></thead><tbody>',
    );
    for (const g of r.smartGoals)
      parts.push(
        `<tr><td>${h(g.title)}</td><td>${h(g.owner)}</td><td class="n">${gradeText(g.grade)}</td><td>${bandBadge(g.band)}</td><td>${h(g.rootCauseNote ?? '')}</td></tr>`,
      );
    parts.push('</tbody></table>');
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
