import { describe, expect, it } from 'vitest';
import { actorLabel, auditVerb, outcomeNote, type AuditLike } from './audit-sentence';

const entry = (over: Partial<AuditLike>): AuditLike => ({ action: 'run.cancel', actor: { kind: 'user', name: 'Olga' }, run_id: 'run_1', reason: null, outcome: 'success', status: 200, detail: null, ...over });

describe('audit sentences', () => {
  it('speaks of "this run" on its own page and names other runs on the thread page', () => {
    expect(auditVerb(entry({}), { runId: 'run_1' })).toBe('cancelled this run');
    expect(auditVerb(entry({}), {})).toBe('cancelled run run_1');
  });

  it('counts tool outputs and lists the metadata keys changed, never values', () => {
    expect(auditVerb(entry({ action: 'run.submit_tool_outputs', detail: { tool_outputs: 1 } }), { runId: 'run_1' })).toBe('submitted 1 tool output to this run');
    expect(auditVerb(entry({ action: 'run.submit_tool_outputs', detail: { tool_outputs: 3 } }), {})).toBe('submitted 3 tool outputs to run run_1');
    expect(auditVerb(entry({ action: 'run.modify', detail: { metadata_keys: ['priority', 'ticket'] } }), { runId: 'run_1' })).toBe('changed the metadata of this run (priority, ticket)');
    expect(auditVerb(entry({ action: 'run.modify', detail: { metadata_keys: [] } }), { runId: 'run_1' })).toBe('changed the metadata of this run (cleared it)');
    expect(auditVerb(entry({ action: 'thread_and_run.create' }), {})).toBe('created this thread with run run_1');
  });

  it('names the actor, marks tokens, and says when the outcome is unknown or failed', () => {
    expect(actorLabel({ kind: 'token', name: 'Olga' })).toBe('Olga (API token)');
    expect(actorLabel({ kind: 'anonymous', name: 'anonymous' })).toBe('Anonymous');
    expect(outcomeNote({ outcome: 'unknown', status: null })).toBe('outcome unknown');
    expect(outcomeNote({ outcome: 'failure', status: 409 })).toBe('failed (409)');
    expect(outcomeNote({ outcome: 'success', status: 200 })).toBeNull();
  });
});
