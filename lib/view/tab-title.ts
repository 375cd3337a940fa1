// Browser tab titles that tell ten open tabs apart: what is open, its state, and whose it is, shortest first.

/** "run_…abcd": the id's kind and its last four characters (ids differ at the end, not the start). */
export function shortId(id: string): string {
  const cut = id.indexOf('_');
  const prefix = cut > 0 && cut <= 12 ? id.slice(0, cut + 1) : '';
  return id.length <= prefix.length + 8 ? id : `${prefix}…${id.slice(-4)}`;
}

function clip(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function statusText(status: string): string {
  return status.replace(/_/g, ' ');
}

/** "requires action · run_…abcd · Billing Support" (assistant name, else the thread's title). */
export function runTabTitle(run: { status: string; id: string }, context: { assistantName?: string | null; threadTitle?: string | null }): string {
  const whose = context.assistantName || context.threadTitle;
  return [statusText(run.status), shortId(run.id), whose ? clip(whose) : null].filter(Boolean).join(' · ');
}

/** "Refund for order 991 · thread_…wxyz", led by the latest run's status while it is active. */
export function threadTabTitle(thread: { id: string; title?: string | null }, activeStatus?: string | null): string {
  return [activeStatus ? statusText(activeStatus) : null, thread.title ? clip(thread.title) : 'Thread', shortId(thread.id)].filter(Boolean).join(' · ');
}
