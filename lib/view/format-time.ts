// Time formatting for the viewer: relative text ("3 min ago") plus absolute times in the viewer's zone and in UTC.
// The API's timestamps are integer Unix seconds; everything here takes seconds and an explicit "now" in ms so the
// output is deterministic in tests and the caller decides how often to tick.

const UNITS: ReadonlyArray<[limitSeconds: number, divisor: number, unit: string]> = [
  [60, 1, 's'],
  [3_600, 60, 'min'],
  [86_400, 3_600, 'h'],
  [86_400 * 45, 86_400, 'd'],
  [86_400 * 365, 86_400 * 30, 'mo'],
  [Number.POSITIVE_INFINITY, 86_400 * 365, 'y'],
];

/** "just now", "42 s ago", "7 min ago", "in 3 min", "2 d ago". */
export function formatRelative(unixSeconds: number, nowMs: number): string {
  const delta = Math.round(unixSeconds - nowMs / 1000);
  const abs = Math.abs(delta);
  if (abs < 5) return 'just now';
  for (const [limit, divisor, unit] of UNITS) {
    if (abs < limit) {
      const value = Math.floor(abs / divisor);
      return delta < 0 ? `${value} ${unit} ago` : `in ${value} ${unit}`;
    }
  }
  return 'just now';
}

// Building an Intl.DateTimeFormat costs far more than using one, and a 300-step run shows hundreds of timestamps:
// keep one formatter per time zone (undefined = the runtime's own zone).
const formatters = new Map<string | undefined, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function parts(unixSeconds: number, timeZone: string | undefined) {
  const map: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(unixSeconds * 1000))) map[part.type] = part.value;
  return map;
}

/** "2026-11-25 14:03:07 GMT+1" in the given zone (default: the runtime's zone, i.e. the viewer's in a browser). */
export function formatAbsolute(unixSeconds: number, timeZone?: string): string {
  const p = parts(unixSeconds, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName ?? ''}`.trim();
}

/** "2026-11-25 13:03:07 UTC". */
export function formatUtc(unixSeconds: number): string {
  const p = parts(unixSeconds, 'UTC');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} UTC`;
}

/**
 * Tooltip text: the zone shown on the first line (local by default, UTC when `utcFirst`), the other one on the
 * second, Unix seconds on the third.
 */
export function formatTimeTooltip(unixSeconds: number, timeZone?: string, utcFirst = false): string {
  const local = formatAbsolute(unixSeconds, timeZone);
  const utc = formatUtc(unixSeconds);
  return `${utcFirst ? utc : local}\n${utcFirst ? local : utc}\nUnix ${unixSeconds}`;
}

/** ISO 8601 for <time dateTime>. */
export function toIso(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}

/** Unix seconds are integers in a sane range; anything else (ms by mistake, null, NaN) is not shown as a date. */
export function isUnixSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 1e11;
}
