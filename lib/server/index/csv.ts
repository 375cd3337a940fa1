// The admin's CSV of thread ids: one thread per line, `id[,customer_ref[,labels]]`, labels separated by `;`, an
// optional header row naming those columns. Fields may be double-quoted ("" inside quotes is a quote). Blank lines
// are skipped. Pure.

export type CsvResult = { ok: true; rows: Array<{ id: string; customer_ref?: string; labels?: string[] }> } | { ok: false; message: string };

function splitLine(line: string): string[] | null {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  out.push(field);
  return out.map((f) => f.trim());
}

export function parseCsv(text: string): CsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: Array<{ id: string; customer_ref?: string; labels?: string[] }> = [];
  let columns = ['id', 'customer_ref', 'labels'];
  let first = true;
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]!;
    if (!line.trim()) continue;
    const fields = splitLine(line);
    if (!fields) return { ok: false, message: `Line ${n + 1}: a quoted field is not closed.` };
    if (first && fields.some((f) => f.toLowerCase() === 'id')) {
      columns = fields.map((f) => f.toLowerCase());
      const unknown = columns.find((c) => !['id', 'customer_ref', 'labels'].includes(c));
      if (unknown) return { ok: false, message: `Unknown column '${unknown}' in the header (allowed: id, customer_ref, labels).` };
      first = false;
      continue;
    }
    first = false;
    if (fields.length > columns.length) return { ok: false, message: `Line ${n + 1}: ${fields.length} fields, at most ${columns.length} expected (${columns.join(',')}).` };
    const row: { id: string; customer_ref?: string; labels?: string[] } = { id: '' };
    columns.forEach((column, i) => {
      const value = fields[i] ?? '';
      if (column === 'id') row.id = value;
      else if (column === 'customer_ref' && value) row.customer_ref = value;
      else if (column === 'labels' && value) row.labels = value.split(';').map((l) => l.trim()).filter(Boolean);
    });
    rows.push(row);
  }
  return { ok: true, rows };
}
