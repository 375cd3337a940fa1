import { describe, expect, it } from 'vitest';
import { runDeviations } from './run-deviations';

const base = { created_at: 100, started_at: 101 };

describe('runDeviations', () => {
  it('says a cancelled run with completed_at was reported both completed and cancelled', () => {
    expect(runDeviations({ ...base, status: 'cancelled', completed_at: 110, cancelled_at: 200 })).toEqual([
      "This server reports the run both completed and cancelled: its status is 'cancelled' and it carries completed_at, cancelled_at.",
    ]);
  });

  it('flags other contradictions: two end times, an active run with an end time, times out of order', () => {
    expect(runDeviations({ ...base, status: 'completed', completed_at: 110, failed_at: 111 })[0]).toMatch(/both completed and failed/);
    expect(runDeviations({ ...base, status: 'in_progress', completed_at: 110 })).toEqual([
      "This server reports the run as 'in_progress' although it carries completed_at.",
    ]);
    expect(runDeviations({ ...base, status: 'completed', completed_at: 90 })).toEqual([
      'This server reports completed_at before created_at.',
      'This server reports completed_at before started_at.',
    ]);
  });

  it('is silent for runs that keep the protocol', () => {
    expect(runDeviations({ ...base, status: 'completed', completed_at: 110 })).toEqual([]);
    expect(runDeviations({ ...base, status: 'cancelled', cancelled_at: 110 })).toEqual([]);
    expect(runDeviations({ created_at: 100, status: 'queued' })).toEqual([]);
  });
});
