/**
 * Request input: JSON bodies checked with the contract's strict request schemas (so emulator and
 * proxy reject the same bodies with the same words) and list/include query parameters checked the
 * way the API checks them.
 */
import type { z } from 'zod';
import { FILE_SEARCH_CONTENT_INCLUDE, formatZodIssues } from '../../contract';
import { badRequest, malformedJson } from '../errors';
import type { PageQuery } from '../paginate';

/** Parses and validates a JSON body. An empty body counts as `{}` (zod then names what is missing). */
export function parseBody<S extends z.ZodType>(schema: S, raw: Buffer): z.infer<S> {
  let json: unknown = {};
  const text = raw.toString('utf8');
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw malformedJson();
    }
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const { message, param } = formatZodIssues(result.error);
    throw badRequest(message, param);
  }
  return result.data;
}

function parseLimit(raw: string | null): number {
  if (raw === null) return 20;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw badRequest(`Invalid 'limit': expected an integer, but got '${raw}' instead.`, 'limit', 'invalid_type');
  }
  const n = Number(raw);
  if (n < 1) throw badRequest(`Invalid 'limit': integer below minimum value. Expected a value >= 1, but got ${n} instead.`, 'limit', 'integer_below_min_value');
  if (n > 100) throw badRequest(`Invalid 'limit': integer above maximum value. Expected a value <= 100, but got ${n} instead.`, 'limit', 'integer_above_max_value');
  return n;
}

/** limit (1–100, default 20), order (asc|desc, default desc), after, before. */
export function parseListQuery(query: URLSearchParams): PageQuery {
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw badRequest(`Invalid 'order': expected one of 'asc' or 'desc', but got '${order}' instead.`, 'order', 'invalid_value');
  }
  const page: PageQuery = { limit: parseLimit(query.get('limit')), order };
  const after = query.get('after');
  const before = query.get('before');
  if (after) page.after = after;
  if (before) page.before = before;
  return page;
}

/** `include[]` (what the SDK sends) or `include`: true when file_search content was requested. */
export function parseInclude(query: URLSearchParams): boolean {
  const values = [...query.getAll('include[]'), ...query.getAll('include')];
  for (const [i, value] of values.entries()) {
    if (value !== FILE_SEARCH_CONTENT_INCLUDE) {
      throw badRequest(
        `Invalid value: '${value}'. Supported values are: '${FILE_SEARCH_CONTENT_INCLUDE}'.`,
        `include[${i}]`,
        'invalid_value',
      );
    }
  }
  return values.length > 0;
}
