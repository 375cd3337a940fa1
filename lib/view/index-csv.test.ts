import { describe, expect, it } from 'vitest';
import { EMPTY_TOTALS, addAnswer, splitCsv } from './index-csv';

describe('CSV of thread ids', () => {
  it('keeps the header on every part and skips blank lines', () => {
    const parts = splitCsv('id,customer_ref,labels\nthread_a,C-1,vip;eu\n\nthread_b,,\r\nthread_c\n', 2);
    expect(parts).toEqual([
      { text: 'id,customer_ref,labels\nthread_a,C-1,vip;eu\nthread_b,,\n', firstRow: 0, rows: 2 },
      { text: 'id,customer_ref,labels\nthread_c\n', firstRow: 2, rows: 1 },
    ]);
  });

  it('works without a header, and with nothing', () => {
    expect(splitCsv('thread_a\nthread_b')).toEqual([{ text: 'thread_a\nthread_b\n', firstRow: 0, rows: 2 }]);
    expect(splitCsv(' \n')).toEqual([]);
  });

  it('adds answers up with row numbers over the whole file', () => {
    let totals = addAnswer(EMPTY_TOTALS, { new: 2, known: 0, refused: [] }, { firstRow: 0 });
    totals = addAnswer(totals, { new: 0, known: 1, refused: [{ index: 1, id: 'nope', reason: 'not a thread id' }] }, { firstRow: 1000 });
    expect(totals).toEqual({ new: 2, known: 1, refused: [{ index: 1001, id: 'nope', reason: 'not a thread id' }] });
  });
});
