// Message text with annotations: each annotation's placeholder substring (e.g. "【13†source】" or a
// "sandbox:/mnt/data/x.csv" link) becomes a numbered marker, with a footnote naming the file it cites.
// Indices from servers are not always right (facades, v1 data), so a range whose text doesn't match falls back to
// searching for the annotation's text; annotations that can be placed nowhere are still listed as footnotes.

export type AnnotationLike = {
  type: string;
  text?: string | null;
  start_index?: number | null;
  end_index?: number | null;
  file_citation?: { file_id?: string | null; quote?: string | null } | null;
  file_path?: { file_id?: string | null } | null;
};

export type Footnote = { marker: number; type: string; fileId: string | null; quote: string | null; placeholder: string | null };
export type TextSegment = { kind: 'text'; text: string } | { kind: 'marker'; marker: number; placeholder: string };

export function footnoteOf(a: AnnotationLike, marker: number): Footnote {
  const fileId = a.file_citation?.file_id ?? a.file_path?.file_id ?? null;
  return { marker, type: a.type, fileId, quote: a.file_citation?.quote ?? null, placeholder: a.text ?? null };
}

export function segmentAnnotatedText(value: string, annotations: readonly AnnotationLike[] | null | undefined): { segments: TextSegment[]; footnotes: Footnote[] } {
  const list = annotations ?? [];
  const footnotes = list.map((a, i) => footnoteOf(a, i + 1));
  type Placed = { start: number; end: number; marker: number; placeholder: string };
  const placed: Placed[] = [];
  const overlaps = (s: number, e: number) => placed.some((p) => s < p.end && e > p.start);

  list.forEach((a, i) => {
    const marker = i + 1;
    const s = a.start_index;
    const e = a.end_index;
    let start = -1;
    let end = -1;
    if (typeof s === 'number' && typeof e === 'number' && s >= 0 && e > s && e <= value.length && (!a.text || value.slice(s, e) === a.text)) {
      start = s;
      end = e;
    } else if (a.text) {
      let from = 0;
      for (;;) {
        const at = value.indexOf(a.text, from);
        if (at < 0) break;
        if (!overlaps(at, at + a.text.length)) {
          start = at;
          end = at + a.text.length;
          break;
        }
        from = at + 1;
      }
    }
    if (start >= 0 && !overlaps(start, end)) placed.push({ start, end, marker, placeholder: value.slice(start, end) });
  });

  placed.sort((a, b) => a.start - b.start);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const p of placed) {
    if (p.start > cursor) segments.push({ kind: 'text', text: value.slice(cursor, p.start) });
    segments.push({ kind: 'marker', marker: p.marker, placeholder: p.placeholder });
    cursor = p.end;
  }
  if (cursor < value.length) segments.push({ kind: 'text', text: value.slice(cursor) });
  return { segments, footnotes };
}

/** First words of a message, for titles ("How do I reset my…"). */
export function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The marker link a footnote number becomes in Markdown: `#<message id>-fn-<n>` (the footnote's anchor). */
export function footnoteAnchor(messageId: string, marker: number): string {
  return `${messageId}-fn-${marker}`;
}

/**
 * Markdown source for annotated text: text segments as written, each placed annotation as a link to its footnote
 * (`[\[1\]](#msg-fn-1)`), so citations survive Markdown rendering as ordinary links the renderer can style.
 */
export function markdownWithMarkers(segments: readonly TextSegment[], messageId: string): string {
  return segments
    .map((s, i) => {
      if (s.kind === 'text') return s.text;
      const anchor = `#${footnoteAnchor(messageId, s.marker)}`;
      // A placeholder that is a link's target (`[Download](sandbox:/mnt/data/x.csv)`) becomes that link's target.
      const before = segments[i - 1];
      return before?.kind === 'text' && before.text.endsWith('](') ? anchor : `[\\[${s.marker}\\]](${anchor})`;
    })
    .join('');
}
