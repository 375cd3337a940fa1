/** The demo assistants: one per tool-driven course, with instructions a real team would write. */
import type { EngineCtx } from '../engine/context';
import type { AssistantRec } from '../store';
import type { ToolDef } from '../wire';

export interface DemoAssistants {
  billing: AssistantRec;
  analyst: AssistantRec;
  docs: AssistantRec;
  triage: AssistantRec;
}

const BILLING_TOOLS: ToolDef[] = [
  {
    type: 'function',
    function: {
      name: 'lookup_invoice',
      description: 'Fetch an invoice with its line items, payment status and charges.',
      parameters: {
        type: 'object',
        properties: { invoice_id: { type: 'string', description: 'Invoice number, e.g. INV-2026-0419' } },
        required: ['invoice_id'],
        additionalProperties: false,
      },
      strict: true,
    },
  },
  {
    type: 'function',
    function: {
      name: 'issue_refund',
      description: 'Refund all or part of a paid invoice to the original payment method.',
      parameters: {
        type: 'object',
        properties: {
          invoice_id: { type: 'string' },
          amount: { type: 'number', description: 'Amount in the invoice currency' },
          reason: { type: 'string', enum: ['duplicate_charge', 'service_outage', 'customer_request'] },
        },
        required: ['invoice_id', 'amount', 'reason'],
        additionalProperties: false,
      },
      strict: true,
    },
  },
];

export function seedAssistants(ctx: EngineCtx, at: number, vectorStoreId: string): DemoAssistants {
  const add = (name: string, description: string, model: string, instructions: string, tools: ToolDef[], extra: Partial<AssistantRec['wire']> = {}) =>
    ctx.store.addAssistant({
      id: ctx.ids.make('asst_'),
      object: 'assistant',
      created_at: at,
      name,
      description,
      model,
      instructions,
      tools,
      tool_resources: {},
      metadata: { team: 'support', owner: 'runboard-demo' },
      temperature: 1,
      top_p: 1,
      response_format: 'auto',
      ...extra,
    });
  return {
    billing: add(
      'Billing Support Agent',
      'Answers billing questions and issues refunds within policy.',
      'gpt-4o',
      'You are the billing support agent for Acme Cloud. Always call lookup_invoice before discussing an invoice. Refund duplicate charges in full with issue_refund; for anything above $5,000 explain that a finance lead must approve. Be concise and quote invoice numbers exactly.',
      BILLING_TOOLS,
    ),
    analyst: add(
      'Data Analyst',
      'Analyses uploaded CSVs and produces charts.',
      'gpt-4o',
      'You are a careful data analyst. Use the code interpreter to load the files the user provides, state your assumptions, and always include a chart and a one-paragraph summary with the key numbers.',
      [{ type: 'code_interpreter' }],
      { tool_resources: { code_interpreter: { file_ids: [] } }, temperature: 0.2 },
    ),
    docs: add(
      'Docs Helper',
      'Answers product questions from the documentation, with citations.',
      'gpt-4o-mini',
      'Answer only from the attached documentation and cite the source of every claim. If the docs do not cover the question, say so and suggest contacting support.',
      [{ type: 'file_search', file_search: { max_num_results: 5 } }],
      { tool_resources: { file_search: { vector_store_ids: [vectorStoreId] } } },
    ),
    triage: add(
      'Triage Bot',
      'Tags and routes incoming support tickets.',
      'gpt-4o-mini',
      'Classify each incoming ticket as billing, bug, access or general, assign a priority P1–P3, and reply with a short acknowledgement naming the queue it was routed to.',
      [],
    ),
  };
}
