import { describe, expect, it } from 'vitest';
import { markdownWithMarkers, segmentAnnotatedText, snippet } from './thread-message-text';

describe('segmentAnnotatedText', () => {
  it('replaces placeholders with numbered markers and lists footnotes', () => {
    const value = 'Refunds take 5 days【4:0†policy.pdf】. See sandbox:/mnt/data/report.csv for data.';
    const cite = '【4:0†policy.pdf】';
    const path = 'sandbox:/mnt/data/report.csv';
    const { segments, footnotes } = segmentAnnotatedText(value, [
      { type: 'file_citation', text: cite, start_index: value.indexOf(cite), end_index: value.indexOf(cite) + cite.length, file_citation: { file_id: 'file-1' } },
      { type: 'file_path', text: path, start_index: value.indexOf(path), end_index: value.indexOf(path) + path.length, file_path: { file_id: 'file-2' } },
    ]);
    expect(segments).toEqual([
      { kind: 'text', text: 'Refunds take 5 days' },
      { kind: 'marker', marker: 1, placeholder: cite },
      { kind: 'text', text: '. See ' },
      { kind: 'marker', marker: 2, placeholder: path },
      { kind: 'text', text: ' for data.' },
    ]);
    expect(footnotes.map((f) => [f.marker, f.type, f.fileId])).toEqual([
      [1, 'file_citation', 'file-1'],
      [2, 'file_path', 'file-2'],
    ]);
  });

  it('falls back to finding the text when indices are wrong, and keeps unplaceable ones as footnotes', () => {
    const value = 'Answer [1] here.';
    const { segments, footnotes } = segmentAnnotatedText(value, [
      { type: 'file_citation', text: '[1]', start_index: 0, end_index: 3, file_citation: { file_id: 'f', quote: 'q' } },
      { type: 'file_citation', text: '[9]', start_index: 50, end_index: 53, file_citation: { file_id: 'g' } },
    ]);
    expect(segments).toEqual([
      { kind: 'text', text: 'Answer ' },
      { kind: 'marker', marker: 1, placeholder: '[1]' },
      { kind: 'text', text: ' here.' },
    ]);
    expect(footnotes).toHaveLength(2);
    expect(footnotes[0]?.quote).toBe('q');
  });

  it('plain text without annotations is one segment', () => {
    expect(segmentAnnotatedText('hi', null)).toEqual({ segments: [{ kind: 'text', text: 'hi' }], footnotes: [] });
  });
});

describe('snippet', () => {
  it('flattens whitespace and truncates with an ellipsis', () => {
    expect(snippet('a\n  b')).toBe('a b');
    expect(snippet('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });
});

describe('markdownWithMarkers', () => {
  it('turns placed annotations into links to their footnotes and keeps the text as written', () => {
    const value = 'See **the table** 【4:0†source】 and `code`.';
    const { segments } = segmentAnnotatedText(value, [{ type: 'file_citation', text: '【4:0†source】', start_index: 18, end_index: 30, file_citation: { file_id: 'file-a' } }]);
    expect(markdownWithMarkers(segments, 'msg_1')).toBe('See **the table** [\\[1\\]](#msg_1-fn-1) and `code`.');
  });

  it('points a link whose target is the placeholder at the footnote', () => {
    const value = 'Get [the file](sandbox:/mnt/data/a.csv).';
    const { segments } = segmentAnnotatedText(value, [{ type: 'file_path', text: 'sandbox:/mnt/data/a.csv', file_path: { file_id: 'file-b' } }]);
    expect(markdownWithMarkers(segments, 'msg_2')).toBe('Get [the file](#msg_2-fn-1).');
  });
});
