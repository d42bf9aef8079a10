import {
  BAND_COLOURS,
  type Band,
  bandText,
  calibrationLines,
  decisionText,
  gradeText,
  type ReportInput,
  reportCalibration,
  tagText,
} from '../../core/report/document';
import { pdfKit } from './lazy-libraries';

const MARGIN = 50;
const GREY = '#555555';

/**
 * The report as a PDF (A4), drawn with pdfkit's built-in Helvetica: the same sections as the HTML,
 * the charts as vectors (no browser, no image). Resolves to the file's bytes.
 */
export function reportPdf(r: ReportInput): Promise<Uint8Array> {
  const PDFDocument = pdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${r.workspace}: ${r.cycle.name} report`, Producer: 'Tandem', Creator: 'Tandem' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const room = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  const heading = (text: string, size = 14) => {
    room(size * 3);
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('#000000').text(text, MARGIN);
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const para = (text: string, options: { colour?: string; indent?: number } = {}) => {
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(options.colour ?? '#000000')
      .text(text, MARGIN + (options.indent ?? 0), doc.y, { width: width - (options.indent ?? 0) });
  };

  doc.font('Helvetica-Bold').fontSize(20).text(`${r.workspace}: ${r.cycle.name} report`);
  para(r.cycle.closedOn ? `Closed on ${r.cycle.closedOn}.` : 'Not closed.', { colour: GREY });
  if (r.hiddenSummary) para(r.hiddenSummary, { colour: GREY });

  heading('Distribution of grades');
  const rows: [string, Record<Band, number>][] = [
    ['Objectives', r.distribution.objectives],
    ['Key results', r.distribution.keyResults],
    ['SMART goals', r.distribution.smartGoals],
  ];
  room(rows.length * 26 + 10);
  const barLeft = MARGIN + 90;
  const barWidth = width - 90;
  for (const [label, bands] of rows) {
    const y = doc.y;
    const total = bands.red + bands.yellow + bands.green;
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#000000')
      .text(label, MARGIN, y + 5, { lineBreak: false });
    let x = barLeft;
    for (const band of ['green', 'yellow', 'red'] as const) {
      const w = total === 0 ? 0 : (bands[band] / total) * barWidth;
      if (w <= 0) continue;
      doc.rect(x, y, w, 18).fill(BAND_COLOURS[band]);
      if (w > 20)
        doc
          .fillColor('#ffffff')
          .text(String(bands[band]), x, y + 5, { width: w, align: 'center', lineBreak: false });
      x += w;
    }
    if (total === 0) doc.fillColor(GREY).text('none graded', barLeft, y + 5, { lineBreak: false });
    doc.y = y + 26;
  }
  doc.x = MARGIN;
  para(rows.map(([label, b]) => `${label}: ${b.green} green, ${b.yellow} yellow, ${b.red} red`).join('.  '), {
    colour: GREY,
  });

  heading('Calibration');
  for (const line of calibrationLines(reportCalibration(r))) para(`•  ${line}`);

  heading('Objectives');
  const gradeLeft = MARGIN + 230;
  const gradeWidth = width - 230 - 30;
  for (const o of r.objectives) {
    room(16);
    const y = doc.y;
    const title = o.title.length > 42 ? `${o.title.slice(0, 41)}…` : o.title;
    doc
      .fontSize(9)
      .fillColor('#000000')
      .text(title, MARGIN, y + 2, { width: 225, lineBreak: false });
    doc.rect(gradeLeft, y, gradeWidth, 11).fill('#eeeeee');
    if (o.grade !== null)
      doc.rect(gradeLeft, y, gradeWidth * o.grade, 11).fill(BAND_COLOURS[o.band ?? 'red']);
    doc
      .fillColor('#000000')
      .text(gradeText(o.grade), gradeLeft + gradeWidth + 5, y + 2, { lineBreak: false });
    doc.y = y + 15;
  }
  doc.x = MARGIN;
  for (const o of r.objectives) {
    heading(o.title, 11.5);
    para(
      `${o.kind}${o.unit ? `, ${o.unit}` : ''}: grade ${gradeText(o.grade)} (${bandText(o.band)}). Decision: ${decisionText(o.decision)}.`,
    );
    if (o.learned) para(`What we learned: ${o.learned}`, { colour: '#333333', indent: 10 });
    for (const kr of o.keyResults) {
      room(14);
      const cause = [tagText(kr.rootCauseTag), kr.rootCauseNote ?? ''].filter(Boolean).join(': ');
      const y = doc.y;
      doc.circle(MARGIN + 14, y + 5, 3.5).fill(BAND_COLOURS[kr.band ?? 'red']);
      para(
        `${kr.title}: ${gradeText(kr.grade)} (${bandText(kr.band)})${kr.mayBeTooSafe ? ', may be too safe' : ''}${cause ? `. Root cause: ${cause}` : ''}`,
        { indent: 24 },
      );
    }
  }

  heading('Lessons and decisions');
  const lessons = r.objectives.filter((o) => o.decision || o.learned);
  if (lessons.length === 0) para('None recorded.');
  for (const o of lessons)
    para(`•  ${o.title}: ${decisionText(o.decision)}.${o.learned ? ` ${o.learned}` : ''}`);

  heading('SMART goals');
  if (r.smartGoals.length === 0) para('None.');
  for (const g of r.smartGoals)
    para(
      `•  ${g.title} (${g.owner}): ${gradeText(g.grade)} (${bandText(g.band)})${g.rootCauseNote ? `. Root cause: ${g.rootCauseNote}` : ''}`,
    );
  doc.end();
  return done;
}
