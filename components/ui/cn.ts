/** Joins class names, skipping falsy ones. Tiny on purpose: no class-merging library in the bundle. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
