// Libraries that only some requests use, loaded on first use rather than when the server starts:
// pdfkit (with fontkit and its font tables) and SheetJS take about a third of a second of CPU to
// load, which every `tandem serve` paid before it could answer (issue 17 item 5). Loaded with
// require() (their CommonJS builds), so the functions that use them stay synchronous.
import { createRequire } from 'node:module';
import type * as Xlsx from '@e965/xlsx';
import type PdfDocument from 'pdfkit';

const require = createRequire(import.meta.url);
let xlsx: typeof Xlsx | undefined;
let pdfDocument: typeof PdfDocument | undefined;

/** SheetJS (`@e965/xlsx`), for reading and writing workbooks. */
export function sheetJs(): typeof Xlsx {
  xlsx ??= require('@e965/xlsx') as typeof Xlsx;
  return xlsx;
}

/** pdfkit's document class, for the report PDF. */
export function pdfKit(): typeof PdfDocument {
  pdfDocument ??= require('pdfkit') as typeof PdfDocument;
  return pdfDocument;
}
