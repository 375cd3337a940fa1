/**
 * Duration phrases for the run diagnosis ("7 min", "2 min 40 s", "3 h 5 min"). Kept beside the diagnosis rather
 * than in format-*.ts (owned by the home/thread engineer) because the diagnosis sentences are asserted word for
 * word in tests and must not drift when table formatting changes.
 */

/** Coarse span for "how long has it been": one unit below a minute, up to two units above. */
export function spanCoarse(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const restMin = minutes % 60;
    return restMin === 0 || hours >= 10 ? `${hours} h` : `${hours} h ${restMin} min`;
  }
  const days = Math.floor(hours / 24);
  const restH = hours % 24;
  return restH === 0 || days >= 10 ? `${days} d` : `${days} d ${restH} h`;
}

/** Fine span for countdowns: minutes and seconds below an hour ("2 min 40 s"), else like spanCoarse. */
export function spanFine(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const minutes = Math.floor(s / 60);
    const rest = s % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  return spanCoarse(s);
}

/** "1 call" / "2 calls". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
