// Registering threads from a CSV of ids (/admin/index): the text is sent in parts of at most 1,000 rows (the API's
// limit per call) so a long list shows progress, and the answers are added up with row numbers counted over the whole
// file. Header row optional (`id,customer_ref,labels`); blank lines are skipped. Pure; unit-tested.

export const ROWS_PER_CALL = 1000;

export type CsvPart = { text: string; firstRow: number; rows: number };

function isHeader(line: string): boolean {
  return /^\s*"?id"?\s*(,|$)/i.test(line);
}

/** Splits CSV text into parts of at most `size` data rows, each carrying the header when the file has one. */
export function splitCsv(text: string, size = ROWS_PER_CALL): CsvPart[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = isHeader(lines[0]!) ? lines.shift()! : null;
  const parts: CsvPart[] = [];
  for (let i = 0; i < lines.length; i += size) {
    const rows = lines.slice(i, i + size);
    parts.push({ text: [...(header ? [header] : []), ...rows].join('\n') + '\n', firstRow: i, rows: rows.length });
  }
  return parts;
}

export type Refusal = { index: number; id: string | null; reason: string };
export type IndexTotals = { new: number; known: number; refused: Refusal[] };

/** Adds one part's answer to the totals; refusal indexes become row numbers in the whole file (0-based data rows). */
export function addAnswer(totals: IndexTotals, answer: IndexTotals, part: Pick<CsvPart, 'firstRow'>): IndexTotals {
  return {
    new: totals.new + answer.new,
    known: totals.known + answer.known,
    refused: [...totals.refused, ...answer.refused.map((r) => ({ ...r, index: r.index + part.firstRow }))],
  };
}

export const EMPTY_TOTALS: IndexTotals = { new: 0, known: 0, refused: [] };
