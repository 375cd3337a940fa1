// Protocol deviations a run can carry: contradictory end timestamps (a facade that accepted a cancel of a completed
// run leaves it `cancelled` with `completed_at` set), an active run with an end time, times out of order. Runboard
// shows the run as the server reports it, and says plainly where that report contradicts itself.

import { isActiveStatus, type RunRowInput } from './thread-run-row';

type RunTimes = Pick<RunRowInput, 'status' | 'created_at' | 'started_at' | 'completed_at' | 'failed_at' | 'cancelled_at'>;

const ENDS = [
  ['completed', 'completed_at'],
  ['failed', 'failed_at'],
  ['cancelled', 'cancelled_at'],
] as const;

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function both(a: string, b: string): string {
  return `This server reports the run both ${a} and ${b}`;
}

export function runDeviations(run: RunTimes): string[] {
  const out: string[] = [];
  const ended = ENDS.filter(([, field]) => isTime(run[field])).map(([word]) => word);
  const byStatus = ENDS.find(([word]) => word === run.status)?.[0];
  // Every end the run claims, by its status or by an end time ("completed and cancelled", in the API's order).
  const claims = ENDS.map(([word]) => word).filter((w) => w === byStatus || ended.includes(w));
  if (claims.length >= 2) {
    const fields = ended.map((w) => `${w}_at`).join(', ');
    out.push(`${both(claims[0]!, claims.slice(1).join(' and '))}: its status is '${run.status}' and it carries ${fields}.`);
  }
  if (isActiveStatus(run.status) && ended.length > 0) {
    out.push(`This server reports the run as '${run.status}' although it carries ${ended.map((w) => `${w}_at`).join(', ')}.`);
  }
  for (const field of ['started_at', 'completed_at', 'failed_at', 'cancelled_at'] as const) {
    const value = run[field];
    if (isTime(value) && value < run.created_at) out.push(`This server reports ${field} before created_at.`);
  }
  for (const [, field] of ENDS) {
    const value = run[field];
    if (isTime(value) && isTime(run.started_at) && value < run.started_at) out.push(`This server reports ${field} before started_at.`);
  }
  return out;
}
