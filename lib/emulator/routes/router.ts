/**
 * Path matching for the emulator's routes. Templates use `{param}` segments; params named in
 * ID_PARAMS must carry the API's id prefix (400 otherwise, as the real server answers).
 * Literal segments beat params, so `/threads/runs` is never read as thread id "runs".
 */
import { ID_PATTERN, PATH_PARAM_PREFIXES } from '../../contract';
import { badIdPrefix, methodNotAllowed, unknownUrl } from '../errors';
import type { Handler } from '../state';

export interface Route {
  path: string;
  methods: Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>;
  /** Assistants-family routes need `OpenAI-Beta: assistants=v2`; files and control routes do not. */
  beta: boolean;
}

/** Same rule as the proxy (lib/contract): prefix plus ID_PATTERN, so both reject the same ids. */
const ID_PARAMS: Record<string, string> = PATH_PARAM_PREFIXES;

interface Compiled {
  route: Route;
  segments: string[];
  literals: number;
}

export interface Match {
  route: Route;
  handler: Handler;
  params: Record<string, string>;
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const segments = route.path.split('/').filter(Boolean);
      return { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
    });
  }

  /**
   * Finds the route for `path` (relative to the base, e.g. `/threads/x/runs`) and checks the
   * method. Throws the API's 404 / 405. Id prefixes are checked by `checkIds` (after auth/beta).
   */
  match(method: string, path: string, displayPath: string): Match {
    const parts = path.split('/').filter(Boolean);
    let best: { c: Compiled; params: Record<string, string> } | null = null;
    for (const c of this.compiled) {
      if (c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = c.segments.every((seg, i) => {
        const part = parts[i] as string;
        if (seg.startsWith('{')) {
          params[seg.slice(1, -1)] = safeDecode(part);
          return part.length > 0;
        }
        return seg === part;
      });
      if (ok && (!best || c.literals > best.c.literals)) best = { c, params };
    }
    if (!best) throw unknownUrl(method, displayPath);
    const handler = best.c.route.methods[method as keyof Route['methods']];
    if (!handler) throw methodNotAllowed(method, displayPath, Object.keys(best.c.route.methods));
    return { route: best.c.route, handler, params: best.params };
  }
}

/** `openai`: ids must carry the API's prefixes (as OpenAI checks them); `any`: any well-formed id (a facade's own). */
export function checkIds(params: Record<string, string>, rule: 'openai' | 'any' = 'openai'): void {
  for (const [name, value] of Object.entries(params)) {
    const prefix = ID_PARAMS[name];
    if (!prefix) continue;
    if (rule === 'any' ? !ID_PATTERN.test(value) : !value.startsWith(prefix) || !ID_PATTERN.test(value)) throw badIdPrefix(name, value, prefix);
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
