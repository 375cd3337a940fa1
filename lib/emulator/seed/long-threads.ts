/**
 * The long demo threads, for pagination and benchmarks: a triage inbox with 340 runs (ending in a
 * run queued for hours) and a replay thread with 1,000 runs (ending stuck in progress).
 */
import type { EngineCtx } from '../engine/context';
import type { Scenario } from '../scripts/courses';
import type { DemoAssistants } from './assistants';
import { ThreadWriter } from './writer';

const MIN = 60;
const HOUR = 3600;

const TICKETS = [
  'I was charged twice this month, please help.',
  'The export button crashes the app on Safari.',
  'Can I get a copy of my last invoice?',
  'Login with SSO fails with "invalid audience".',
  'How do I change the billing email?',
  'Webhook deliveries started failing with 502 this morning.',
  'Feature request: dark mode for the reports page.',
  'My teammate cannot access the shared workspace.',
  'Is there an API to bulk-import contacts?',
  'We were billed after cancelling our subscription.',
  'The dashboard is very slow since yesterday.',
  'Password reset emails never arrive.',
];

/** Deterministic mix of outcomes across a long thread (by position, not randomness). */
function outcomeFor(i: number): Scenario | 'cancel' | null {
  if (i % 23 === 5) return 'fail_server_error';
  if (i % 47 === 17) return 'fail_rate_limit';
  if (i % 37 === 11) return 'expire';
  if (i % 43 === 13) return 'incomplete';
  if (i % 31 === 7) return 'cancel';
  return null;
}

export function triageInbox(ctx: EngineCtx, now: number, a: DemoAssistants, count = 340): ThreadWriter {
  const spacing = 9 * MIN;
  const lastAt = now - 3 * HOUR;
  const w = ThreadWriter.open(ctx, now, lastAt - count * spacing, { title: 'Nightly triage — support inbox', customer_id: 'internal', ticket_id: 'QUEUE-SUPPORT' });
  for (let i = 0; i < count - 1; i++) {
    w.user(TICKETS[i % TICKETS.length] as string);
    const outcome = outcomeFor(i);
    if (outcome === 'cancel') {
      w.cancel(w.start(a.triage), 2);
    } else if (outcome) {
      const run = w.run(a.triage, { metadata: { scenario: outcome }, ...(outcome === 'incomplete' ? { max_completion_tokens: 256 } : {}) });
      if (outcome === 'expire') w.letExpire(run);
    } else {
      w.run(a.triage);
    }
    w.jumpTo(Math.max(w.t, lastAt - (count - 1 - i) * spacing));
  }
  // A run that has sat in the queue for three hours (the "endless queued" pain point).
  w.jumpTo(lastAt).user('URGENT: customers report checkout is down.');
  w.run(a.triage, { metadata: { scenario: 'stuck_queued' } });
  return w;
}

export function webhookReplay(ctx: EngineCtx, now: number, a: DemoAssistants, count = 1000): ThreadWriter {
  const spacing = 30;
  const lastAt = now - 45 * MIN;
  const w = ThreadWriter.open(ctx, now, lastAt - count * spacing, { title: 'Load test — webhook replay (1,000 runs)', customer_id: 'internal', ticket_id: 'LOAD-0001' });
  for (let i = 0; i < count - 1; i++) {
    w.user(`Replay event evt_${(100000 + i).toString(36)}: ${TICKETS[i % TICKETS.length] as string}`);
    w.run(a.triage, i % 50 === 25 ? { metadata: { scenario: 'fail_server_error' } } : {});
    w.jumpTo(Math.max(w.t, lastAt - (count - 1 - i) * spacing));
  }
  w.jumpTo(lastAt).user('Replay event evt_final: The dashboard is very slow since yesterday.');
  w.run(a.triage, { metadata: { scenario: 'stuck_in_progress' } });
  return w;
}
