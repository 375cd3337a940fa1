/**
 * Which course a run takes, and what each course does. A run follows `metadata.scenario` (run,
 * else assistant) when it names a scenario; otherwise its effective tools decide (see README).
 */
import type { LegFn, Course } from '../engine/beats';
import type { LegWriter } from '../engine/leg-writer';
import type { AssistantRec, RunRec, StepRec } from '../store';
import type { FunctionCallWire, FunctionToolDef, MessageContent } from '../wire';
import { argumentsFor } from './args';
import { codeCall, fileSearchCall, functionCalls, functionReply, plainReply, textPart, tokens, truncatedReply, usage } from './content';

export const SCENARIOS = [
  'fail_server_error',
  'fail_rate_limit',
  'fail_invalid_prompt',
  'stuck_queued',
  'stuck_in_progress',
  'slow',
  'incomplete',
  'incomplete_max_prompt_tokens',
  'cancel_stuck',
  'expire',
  'many_steps',
] as const;
export type Scenario = (typeof SCENARIOS)[number];
export const isScenario = (v: unknown): v is Scenario => typeof v === 'string' && (SCENARIOS as readonly string[]).includes(v);

/** Optional fixed content (the seed uses it for conversations that read well). */
export interface RunHints {
  reply?: string;
  args?: Record<string, unknown>;
}

interface Plan {
  server: Array<'file_search' | 'code_interpreter'>;
  functions: FunctionToolDef[];
  userText: string;
  hints: RunHints;
}

const SLOW_FACTOR = 20;
const APPROVAL_TOOL: FunctionToolDef = {
  type: 'function',
  function: {
    name: 'request_human_approval',
    description: 'Ask a human operator to approve the next action.',
    parameters: { type: 'object', properties: { ticket_id: { type: 'string' }, summary: { type: 'string' } }, required: ['ticket_id'] },
  },
};

/** The tools this run will call, honouring tool_choice and parallel_tool_calls. */
function planFor(run: RunRec, userText: string, hints: RunHints): Plan {
  const { tools, tool_choice: choice, parallel_tool_calls: parallel } = run.wire;
  const fns = tools.filter((t): t is FunctionToolDef => t.type === 'function');
  const has = (type: 'file_search' | 'code_interpreter') => tools.some((t) => t.type === type);
  const plan: Plan = { server: [], functions: [], userText, hints };
  if (choice === 'none') return plan;
  if (choice && typeof choice === 'object') {
    const c = choice as { type: string; function?: { name: string } };
    if (c.type === 'function') {
      const name = c.function?.name ?? '';
      plan.functions = [fns.find((f) => f.function.name === name) ?? { type: 'function', function: { name } }];
    } else if (c.type === 'file_search' || c.type === 'code_interpreter') plan.server = [c.type];
    return plan;
  }
  if (has('file_search')) plan.server.push('file_search');
  if (has('code_interpreter')) plan.server.push('code_interpreter');
  plan.functions = parallel ? fns : fns.slice(0, 1);
  return plan;
}

/** Server-side tool steps; returns the reply parts they contribute. */
function serverSteps(w: LegWriter, plan: Plan, f: number): MessageContent[] {
  const reply: MessageContent[] = [];
  for (const kind of plan.server) {
    w.wait(1 * f);
    const call = kind === 'code_interpreter' ? codeCall(w.ctx, w.at) : fileSearchCall(w.ctx, plan.userText);
    w.toolStep([call.initial], { seconds: (kind === 'code_interpreter' ? 3 : 2) * f, final: [call.final], usage: call.usage });
    reply.push(...call.reply);
  }
  return reply;
}

function replyStep(w: LegWriter, plan: Plan, content: MessageContent[], f: number): void {
  const text = content.map((c) => (c.type === 'text' ? c.text.value : '')).join(' ');
  w.wait(1 * f).messageStep(content, { seconds: 2 * f, usage: usage(350 + tokens(plan.userText) * 2, tokens(text)) });
}

function fallbackReply(w: LegWriter, plan: Plan): MessageContent[] {
  return plan.hints.reply ? [textPart(plan.hints.reply)] : plainReply(plan.userText, w.ctx.prng);
}

/** The tool-driven course; `f` stretches every wait (the `slow` scenario). */
function toolCourse(name: string, plan: Plan, f = 1): Course {
  let fnStep: StepRec | null = null;
  const leg0: LegFn = (w) => {
    w.status('queued').wait(1 * f).status('in_progress');
    const serverReply = serverSteps(w, plan, f);
    if (plan.functions.length === 0) {
      replyStep(w, plan, serverReply.length > 0 ? serverReply : fallbackReply(w, plan), f);
      w.status('completed');
      return;
    }
    const calls = functionCalls(
      w.ctx,
      plan.functions.map((tool) => {
        const fixed = plan.hints.args?.[tool.function.name];
        return { name: tool.function.name, arguments: fixed !== undefined ? JSON.stringify(fixed) : argumentsFor(tool, w.ctx.prng) };
      }),
    );
    w.wait(1 * f);
    fnStep = w.toolStep(calls);
    w.wait(1 * f).requireAction(calls);
  };
  const leg1: LegFn = (w) => {
    w.wait(1 * f).status('in_progress');
    const details = fnStep?.wire.step_details;
    const answered = details?.type === 'tool_calls' ? (details.tool_calls as FunctionCallWire[]) : [];
    const content = plan.hints.reply ? [textPart(plan.hints.reply)] : functionReply(answered);
    replyStep(w, plan, content, f);
    w.status('completed');
  };
  return { name, legs: [leg0, leg1], cancelStuck: false };
}

function scenarioCourse(scenario: Scenario, plan: Plan, run: RunRec): Course {
  const course = (legs: LegFn[], cancelStuck = false): Course => ({ name: scenario, legs, cancelStuck });
  switch (scenario) {
    case 'fail_server_error':
      return course([
        (w) => {
          w.status('queued').wait(1).status('in_progress').wait(1);
          w.messageStep([], { end: 'open' });
          w.wait(3).status('failed', { lastError: { code: 'server_error', message: 'Sorry, something went wrong.' } });
        },
      ]);
    case 'fail_rate_limit':
      return course([
        (w) =>
          w.status('queued').wait(1).status('in_progress').wait(2).status('failed', {
            lastError: {
              code: 'rate_limit_exceeded',
              message: `Rate limit reached for ${run.wire.model} in organization org-runboard on tokens per min (TPM): Limit 30000, Used 29412, Requested 1893. Please try again in 2.61s.`,
            },
          }),
      ]);
    case 'fail_invalid_prompt':
      return course([
        (w) =>
          w.status('queued').wait(1).status('in_progress').wait(1).status('failed', {
            lastError: { code: 'invalid_prompt', message: 'Invalid prompt: your prompt was flagged as potentially violating our usage policy.' },
          }),
      ]);
    case 'stuck_queued':
      return course([(w) => void w.status('queued')]);
    case 'stuck_in_progress':
    case 'cancel_stuck':
      return course(
        [
          (w) => {
            w.status('queued').wait(1).status('in_progress').wait(1);
            w.messageStep([], { end: 'open' });
          },
        ],
        scenario === 'cancel_stuck',
      );
    case 'slow':
      return toolCourse('slow', plan, SLOW_FACTOR);
    case 'incomplete':
      return course([
        (w) => {
          w.status('queued').wait(1).status('in_progress');
          serverSteps(w, plan, 1);
          const cap = run.wire.max_completion_tokens ?? 256;
          w.wait(1).messageStep(truncatedReply(), { seconds: 4, end: 'incomplete', usage: usage(400 + tokens(plan.userText), cap) });
          w.status('incomplete', { incomplete: { reason: 'max_completion_tokens' } });
        },
      ]);
    case 'incomplete_max_prompt_tokens':
      return course([
        (w) => {
          const cap = run.wire.max_prompt_tokens ?? 256;
          w.status('queued').wait(1).status('in_progress').wait(1);
          w.status('incomplete', { incomplete: { reason: 'max_prompt_tokens' }, usage: usage(cap, 0) });
        },
      ]);
    case 'expire':
      return toolCourse('expire', plan.functions.length > 0 ? plan : { ...plan, functions: [APPROVAL_TOOL] });
    case 'many_steps':
      return course([
        (w) => {
          w.status('queued').wait(1).status('in_progress');
          const kinds: Plan['server'] = [];
          for (let i = 0; i < 51; i++) kinds.push(i % 3 === 2 ? 'file_search' : 'code_interpreter');
          const reply = serverSteps(w, { ...plan, server: kinds }, 1);
          replyStep(w, plan, [textPart(`I ran ${kinds.length} analysis steps. Summary of the last one:`), ...reply.slice(-2)], 1);
          w.status('completed');
        },
      ]);
  }
}

export function selectCourse(run: RunRec, assistant: AssistantRec, userText: string, hints: RunHints = {}): Course {
  const plan = planFor(run, userText, hints);
  const scenario = run.wire.metadata.scenario ?? assistant.wire.metadata.scenario;
  if (isScenario(scenario)) return scenarioCourse(scenario, plan, run);
  const name = plan.functions.length > 0 ? 'function' : (plan.server[plan.server.length - 1] ?? 'message');
  return toolCourse(name, plan);
}
