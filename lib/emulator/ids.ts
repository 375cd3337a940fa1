/**
 * Deterministic ids. A seeded PRNG (mulberry32) drives both ids and content choices, so the same
 * seed and the same sequence of requests give byte-identical objects — handy for snapshots and
 * for reproducing a user's report.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type IdPrefix = 'asst_' | 'thread_' | 'run_' | 'step_' | 'msg_' | 'call_' | 'file-' | 'vs_';

/** `openai`: `run_` + 24 base62 characters. `nanoid`: a facade's `run_` + 21 nanoid characters, `file_` for files. */
export type IdStyle = 'openai' | 'nanoid';
const NANOID = `${BASE62}_-`;

export class IdFactory {
  private forcedFirst: string | null = null;
  constructor(
    private readonly prng: Prng,
    readonly style: IdStyle = 'openai',
  ) {}

  /** The next id's body starts with `char` (seeding uses it for the odd ids a facade can issue, e.g. `thread__…`). */
  forceNextFirst(char: string): this {
    this.forcedFirst = char;
    return this;
  }

  make(prefix: IdPrefix): string {
    if (this.style === 'nanoid') {
      let out = prefix === 'file-' ? 'file_' : prefix;
      const first = this.forcedFirst;
      this.forcedFirst = null;
      if (first) out += first;
      for (let i = first ? 1 : 0; i < 21; i++) out += NANOID[Math.floor(this.prng.next() * NANOID.length)];
      return out;
    }
    const len = prefix === 'file-' ? 22 : 24;
    let out = prefix;
    for (let i = 0; i < len; i++) out += BASE62[Math.floor(this.prng.next() * 62)];
    return out;
  }
}

let requestCounter = 0;
/** Request ids need not be deterministic; they only have to be unique per process. */
export function nextRequestId(): string {
  requestCounter += 1;
  const rand = Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0');
  return `req_${rand}${requestCounter.toString(16).padStart(24, '0')}`;
}
