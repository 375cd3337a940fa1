import { describe, expect, it } from 'vitest';
import { attachmentDisposition, typeFromFilename } from './file-disposition';

describe('attachmentDisposition (issue 9 defect 12)', () => {
  it('names the download after the file, in both forms', () => {
    expect(attachmentDisposition('northwind_revenue_2026.csv')).toBe(`attachment; filename="northwind_revenue_2026.csv"; filename*=UTF-8''northwind_revenue_2026.csv`);
  });
  it('keeps a non-ASCII name exactly in filename* and gives old clients an ASCII stand-in', () => {
    expect(attachmentDisposition('Prüfbericht (März) 😀.pdf')).toBe(
      `attachment; filename="Prufbericht (Marz) __.pdf"; filename*=UTF-8''Pr%C3%BCfbericht%20%28M%C3%A4rz%29%20%F0%9F%98%80.pdf`,
    );
  });
  it('cannot be used to inject header parts or paths', () => {
    const d = attachmentDisposition('../../etc/x"; filename=evil.html\r\nSet-Cookie: a=b');
    expect(d).not.toMatch(/[\r\n]/);
    expect(d).toMatch(/^attachment; filename="x; filename=evil.htmlSet-Cookie: a=b"; filename\*=UTF-8''x%3B%20filename%3Devil.htmlSet-Cookie%3A%20a%3Db$/);
    expect(attachmentDisposition('..')).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
    expect(attachmentDisposition('100%.txt')).toBe(`attachment; filename="100_.txt"; filename*=UTF-8''100%25.txt`);
  });
  it('knows the content type of common names, and says when it does not', () => {
    expect(typeFromFilename('chart.PNG')).toBe('image/png');
    expect(typeFromFilename('data.csv')).toBe('text/csv');
    expect(typeFromFilename('page.html')).toBeNull();
    expect(typeFromFilename('noext')).toBeNull();
  });
});
