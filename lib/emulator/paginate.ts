/**
 * Creation-ordered collections and the API's cursor pagination.
 *
 * Every list (assistants, a thread's messages and runs, a run's steps) is an array kept sorted by
 * (created_at, seq). Appends are the common case (O(1)); a cursor is found by binary search on its
 * item's key, so a page costs O(log n + limit) however long the thread is.
 */
import { badRequest } from './errors';

export interface Ordered {
  id: string;
  created_at: number;
  /** Creation counter: the stable tiebreak between objects created in the same second. */
  seq: number;
}

const compare = (a: Ordered, b: Ordered) => a.created_at - b.created_at || a.seq - b.seq;

export class SortedList<T extends Ordered> {
  readonly items: T[] = [];

  get length(): number {
    return this.items.length;
  }

  insert(item: T): void {
    const last = this.items[this.items.length - 1];
    if (!last || compare(last, item) <= 0) {
      this.items.push(item);
      return;
    }
    this.items.splice(this.lowerBound(item), 0, item);
  }

  remove(item: T): void {
    const at = this.indexOf(item);
    if (at >= 0) this.items.splice(at, 1);
  }

  last(): T | undefined {
    return this.items[this.items.length - 1];
  }

  /** Index of `item` (by key, then identity), or -1. */
  indexOf(item: Ordered): number {
    const at = this.lowerBound(item);
    const found = this.items[at];
    return found && found.id === item.id ? at : -1;
  }

  private lowerBound(key: Ordered): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.items[mid] as T, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface PageQuery {
  limit: number;
  order: 'asc' | 'desc';
  after?: string;
  before?: string;
}

export interface Page<T> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/**
 * One page of `list` in the API's semantics: `order` sets the direction (desc = newest first);
 * `after` = items that follow the cursor in that order, `before` = items that precede it (the
 * ones nearest the cursor); `has_more` = more items beyond this page in the direction of travel.
 * `lookup` resolves a cursor id to its item; a cursor that is not in this list is a 400.
 */
export function paginate<T extends Ordered>(
  list: SortedList<T>,
  query: PageQuery,
  lookup: (id: string) => Ordered | undefined,
): Page<T> {
  const { items } = list;
  const position = (param: 'after' | 'before', id: string): number => {
    const item = lookup(id);
    const at = item ? list.indexOf(item) : -1;
    if (at < 0) throw badRequest(`Invalid '${param}': no object with id '${id}' in this list.`, param);
    return at;
  };

  // Window [lo, hi) of indices in ascending (created_at, seq) order that the cursors allow.
  let lo = 0;
  let hi = items.length;
  const desc = query.order === 'desc';
  if (query.after !== undefined) {
    const at = position('after', query.after);
    if (desc) hi = Math.min(hi, at);
    else lo = Math.max(lo, at + 1);
  }
  if (query.before !== undefined) {
    const at = position('before', query.before);
    if (desc) lo = Math.max(lo, at + 1);
    else hi = Math.min(hi, at);
  }
  const size = Math.max(0, hi - lo);
  const take = Math.min(size, query.limit);
  // Travelling backwards (only `before`) returns the items nearest the cursor.
  const fromBefore = query.before !== undefined && query.after === undefined;
  const nearLow = desc ? fromBefore : !fromBefore;
  const start = nearLow ? lo : hi - take;

  const data: T[] = [];
  for (let i = 0; i < take; i++) data.push(items[desc ? start + take - 1 - i : start + i] as T);
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[take - 1]?.id ?? null,
    has_more: size > take,
  };
}
