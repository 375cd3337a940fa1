const TITLE_KEYS = ['title', 'name', 'subject', 'topic'];

/**
 * A human title from thread metadata, if it has one: the first of title, name, subject, topic that has text.
 * One rule for the thread page's heading and the index's title, so home and the inbox name a thread as its page does.
 */
export function metadataTitle(metadata: unknown): string | null {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return null;
  for (const key of TITLE_KEYS) {
    const value = (metadata as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}
