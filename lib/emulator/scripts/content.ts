/**
 * What scripted runs "say" and "do": tool calls with plausible inputs/outputs and assistant
 * replies with the right content parts and annotations. Deterministic (seeded PRNG only).
 */
import type { EngineCtx } from '../engine/context';
import { addChartImage, addCsv, knowledgeFiles } from '../files';
import type { Annotation, CodeCallWire, FileSearchCallWire, FileSearchResultWire, FunctionCallWire, MessageContent, Usage } from '../wire';

/** Rough token count (≈4 characters per token), enough for plausible usage figures. */
export const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export function usage(prompt: number, completion: number): Usage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Text content with annotations whose indices point at their markers inside `value`. */
export function textPart(value: string, marks: Array<Omit<Annotation, 'start_index' | 'end_index'>> = []): MessageContent {
  const annotations: Annotation[] = [];
  for (const mark of marks) {
    const start = value.indexOf(mark.text);
    if (start >= 0) annotations.push({ ...mark, start_index: start, end_index: start + mark.text.length });
  }
  return { type: 'text', text: { value, annotations } };
}

const CODE_SNIPPETS = [
  {
    input:
      "import pandas as pd\nimport matplotlib.pyplot as plt\n\ndf = pd.read_csv('/mnt/data/revenue.csv')\nq = df.groupby('quarter')['revenue'].sum()\nprint(q)\nq.plot(kind='bar', title='Revenue by quarter')\nplt.savefig('/mnt/data/revenue_by_quarter.png')",
    logs: 'quarter\nQ1    1240500\nQ2    1389200\nQ3    1502750\nQ4    1718900\nName: revenue, dtype: int64',
    csv: 'quarter,revenue\nQ1,1240500\nQ2,1389200\nQ3,1502750\nQ4,1718900\n',
    csvName: 'revenue_by_quarter.csv',
    reply: 'Revenue grew every quarter, from $1.24M in Q1 to $1.72M in Q4 (+38.6% over the year); the strongest step was Q3 → Q4 (+14.4%).',
  },
  {
    input:
      "import pandas as pd\n\nchurn = pd.read_csv('/mnt/data/churn.csv')\nrate = churn.groupby('plan')['churned'].mean().round(3)\nprint(rate.sort_values(ascending=False))\nrate.plot(kind='bar', title='Churn rate by plan')",
    logs: 'plan\nstarter       0.081\nteam          0.043\nbusiness      0.027\nenterprise    0.009\nName: churned, dtype: float64',
    csv: 'plan,churn_rate\nstarter,0.081\nteam,0.043\nbusiness,0.027\nenterprise,0.009\n',
    csvName: 'churn_by_plan.csv',
    reply: 'Churn falls steeply with plan size: 8.1% on Starter versus 0.9% on Enterprise. Starter accounts drive about two thirds of all churned seats.',
  },
];

/** A code_interpreter call: input first, then logs and a chart image when it finishes. */
export function codeCall(ctx: EngineCtx, at: number) {
  const variant = ctx.prng.int(0, 2);
  const snippet = CODE_SNIPPETS[variant % CODE_SNIPPETS.length] as (typeof CODE_SNIPPETS)[number];
  const image = addChartImage(ctx, at, variant);
  const csv = addCsv(ctx, at, snippet.csvName, snippet.csv);
  const id = ctx.ids.make('call_');
  const initial: CodeCallWire = { id, type: 'code_interpreter', code_interpreter: { input: snippet.input, outputs: [] } };
  const final: CodeCallWire = {
    id,
    type: 'code_interpreter',
    code_interpreter: { input: snippet.input, outputs: [{ type: 'logs', logs: snippet.logs }, { type: 'image', image: { file_id: image.wire.id } }] },
  };
  const link = `sandbox:/mnt/data/${snippet.csvName}`;
  const reply: MessageContent[] = [
    { type: 'image_file', image_file: { file_id: image.wire.id } },
    textPart(`${snippet.reply} The chart is above; the numbers are in [${snippet.csvName}](${link}).`, [
      { type: 'file_path', text: link, file_path: { file_id: csv.wire.id } },
    ]),
  ];
  return { initial, final, reply, usage: usage(420 + tokens(snippet.input), tokens(snippet.input) + 18) };
}

/** A file_search call ranking the knowledge base against the user's words. */
export function fileSearchCall(ctx: EngineCtx, userText: string) {
  const words = new Set(userText.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const ranked = knowledgeFiles(ctx)
    .map(({ file, text }, i) => {
      const hits = (text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => words.has(w)).length;
      return { file, text, score: Math.min(0.97, 0.42 + hits * 0.06 - i * 0.01) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  const results: FileSearchResultWire[] = ranked.map((r) => ({
    file_id: r.file.wire.id,
    file_name: r.file.wire.filename,
    score: Math.round(r.score * 1000) / 1000,
    content: [{ type: 'text', text: r.text.split('\n\n')[1] ?? r.text }],
  }));
  const id = ctx.ids.make('call_');
  const initial: FileSearchCallWire = { id, type: 'file_search', file_search: {} };
  const final: FileSearchCallWire = {
    id,
    type: 'file_search',
    file_search: { ranking_options: { ranker: 'default_2024_08_21', score_threshold: 0 }, results },
  };
  const top = results[0];
  const second = results[1];
  const marks: Array<Omit<Annotation, 'start_index' | 'end_index'>> = [];
  let value = 'I could not find anything relevant in the attached documents.';
  if (top) {
    const m1 = `【4:0†${top.file_name}】`;
    marks.push({ type: 'file_citation', text: m1, file_citation: { file_id: top.file_id } });
    value = `Here is what the documentation says: ${firstSentence(top.content?.[0]?.text ?? '')}${m1}`;
    if (second) {
      const m2 = `【4:1†${second.file_name}】`;
      marks.push({ type: 'file_citation', text: m2, file_citation: { file_id: second.file_id } });
      value += ` Related: ${firstSentence(second.content?.[0]?.text ?? '')}${m2}`;
    }
  }
  return { initial, final, reply: [textPart(value, marks)], usage: usage(1800 + results.length * 350, 24) };
}

function firstSentence(text: string): string {
  const m = text.match(/^.*?[.!?](\s|$)/);
  return (m ? m[0] : text).trim();
}

/** Parallel function calls (one per tool), arguments already generated. */
export function functionCalls(ctx: EngineCtx, calls: Array<{ name: string; arguments: string }>): FunctionCallWire[] {
  return calls.map((c) => ({ id: ctx.ids.make('call_'), type: 'function', function: { name: c.name, arguments: c.arguments, output: null } }));
}

/** The reply after tool outputs came back: it summarises what the tools returned. */
export function functionReply(calls: FunctionCallWire[]): MessageContent[] {
  const parts = calls.map((c) => {
    const out = (c.function.output ?? '').replace(/\s+/g, ' ').slice(0, 160);
    return `\`${c.function.name}\` returned ${out || 'nothing'}`;
  });
  return [textPart(`Done. ${parts.join('; ')}. Let me know if you need anything else.`)];
}

const PLAIN_REPLIES: Array<[RegExp, string]> = [
  [/refund|invoice|charge|billing|payment/i, "Thanks for the details. I've tagged this as **billing** (priority P2) and routed it to the Billing queue; an agent will follow up within 4 business hours."],
  [/error|bug|crash|broken|fail/i, "Sorry about the trouble. I've logged this as a **bug** (priority P1) with the steps you described and linked it to the on-call engineer."],
  [/sso|login|password|access/i, "I've routed this to **Identity & Access** (priority P2). In the meantime, admins can check Settings → Security for the current sign-in policy."],
];

export function plainReply(userText: string, prng: { pick<T>(x: readonly T[]): T }): MessageContent[] {
  const hit = PLAIN_REPLIES.find(([re]) => re.test(userText));
  const generic = [
    "Thanks for reaching out! I've tagged this as **general question** (priority P3); a teammate will reply today.",
    'Got it. This looks like a **feature request**; I have added it to the product feedback board with your use case.',
  ];
  return [textPart(hit ? hit[1] : prng.pick(generic))];
}

/** A reply that ran out of completion tokens mid-sentence. */
export function truncatedReply(): MessageContent[] {
  return [textPart('Here is a detailed walkthrough of every step in the migration: first, export the existing workspace settings, then')];
}
