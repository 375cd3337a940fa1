import { describe, expect, it } from 'vitest';
import { runTabTitle, shortId, threadTabTitle } from './tab-title';

describe('tab titles', () => {
  it('shortens ids to their kind and last four characters', () => {
    expect(shortId('run_fvFa2jnBK3LLm7GYIe7rTn7e')).toBe('run_…Tn7e');
    expect(shortId('thread_abc')).toBe('thread_abc');
    expect(shortId('x'.repeat(40))).toBe('…xxxx');
  });

  it('says the run status, the run and whose it is', () => {
    expect(runTabTitle({ status: 'requires_action', id: 'run_fvFa2jnBK3LLm7GYIe7rTn7e' }, { assistantName: 'Billing Support' })).toBe('requires action · run_…Tn7e · Billing Support');
    expect(runTabTitle({ status: 'completed', id: 'run_fvFa2jnBK3LLm7GYIe7rTn7e' }, { threadTitle: 'W'.repeat(80) })).toBe(`completed · run_…Tn7e · ${'W'.repeat(39)}…`);
  });

  it('leads a thread with its active status and title', () => {
    expect(threadTabTitle({ id: 'thread_6ntiPU6fMEzveMkXNwHIhC0H', title: 'Refund for order 991' }, 'in_progress')).toBe('in progress · Refund for order 991 · thread_…hC0H');
    expect(threadTabTitle({ id: 'thread_6ntiPU6fMEzveMkXNwHIhC0H' })).toBe('Thread · thread_…hC0H');
  });
});
