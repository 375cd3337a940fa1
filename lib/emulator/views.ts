/**
 * What leaves the emulator. Most records are sent as stored; run steps hide file_search result
 * `content` unless the caller asked for it with include[] (the API's rule).
 */
import type { StepRec } from './store';
import type { StepWire, ToolCallWire } from './wire';

export function stepView(step: StepRec, includeContent: boolean): StepWire {
  const wire = step.wire;
  if (includeContent || wire.step_details.type !== 'tool_calls') return wire;
  const calls = wire.step_details.tool_calls;
  if (!calls.some((c) => c.type === 'file_search' && c.file_search.results?.some((r) => r.content))) return wire;
  const stripped: ToolCallWire[] = calls.map((call) =>
    call.type === 'file_search' && call.file_search.results
      ? {
          ...call,
          file_search: {
            ...call.file_search,
            results: call.file_search.results.map(({ content: _content, ...rest }) => rest),
          },
        }
      : call,
  );
  return { ...wire, step_details: { type: 'tool_calls', tool_calls: stripped } };
}

/** The step as a stream announces it: tool calls arrive afterwards as deltas. */
export function stepAnnounceView(step: StepRec): StepWire {
  const wire = step.wire;
  if (wire.step_details.type !== 'tool_calls') return wire;
  return { ...wire, step_details: { type: 'tool_calls', tool_calls: [] } };
}
