/**
 * Files the emulator serves on GET /files/{id} and /files/{id}/content: the knowledge-base
 * documents file_search "finds", and the images/CSVs code_interpreter "produces".
 */
import type { EngineCtx } from './engine/context';
import { chartPng } from './png';
import type { FileRec } from './store';

export interface KnowledgeDoc {
  filename: string;
  text: string;
}

/** The documents behind file_search results (and the Docs Helper's vector store). */
export const KNOWLEDGE_BASE: KnowledgeDoc[] = [
  {
    filename: 'sso-setup.md',
    text: '# Single sign-on (SSO)\n\nAdmins enable SSO under Settings → Security → Single sign-on. Upload the IdP metadata XML (Okta, Azure AD and Google Workspace are supported), map the email attribute, then click "Test connection". Once the test passes, enforce SSO for all members. Members who signed up with a password keep it until SSO is enforced. SCIM provisioning requires the Enterprise plan.',
  },
  {
    filename: 'refund-policy.md',
    text: '# Refund policy\n\nInvoices can be refunded in full within 30 days of payment. After 30 days only pro-rated refunds for unused seats are possible. Duplicate charges are always refunded in full. Refunds above $5,000 need approval from a finance lead. Refunds reach the original payment method in 5–10 business days.',
  },
  {
    filename: 'api-rate-limits.md',
    text: '# API rate limits\n\nEach workspace may send 600 requests per minute and 2,000,000 tokens per minute. When a limit is hit the API answers 429 with a retry-after header; clients should back off exponentially. Limits are raised automatically after 30 days of paid usage, or on request for Enterprise customers.',
  },
  {
    filename: 'billing-faq.md',
    text: '# Billing FAQ\n\nInvoices are issued on the first day of each month and are payable within 14 days. You can change the billing email and VAT number under Settings → Billing. Failed card payments are retried after 3 and 7 days; after the third failure the workspace is downgraded to the free plan.',
  },
];

function addFile(
  ctx: EngineCtx,
  at: number,
  filename: string,
  purpose: 'assistants' | 'assistants_output',
  contentType: string,
  content: () => Buffer,
  bytes: number,
): FileRec {
  return ctx.store.addFile({
    wire: { id: ctx.ids.make('file-'), object: 'file', bytes, created_at: at, filename, purpose, status: 'processed' },
    contentType,
    content,
  });
}

/** Registers the knowledge base; returns the file records in KNOWLEDGE_BASE order. */
export function addKnowledgeBase(ctx: EngineCtx, at: number): FileRec[] {
  return KNOWLEDGE_BASE.map((doc) => {
    const buf = Buffer.from(doc.text, 'utf8');
    return addFile(ctx, at, doc.filename, 'assistants', 'text/markdown; charset=utf-8', () => buf, buf.length);
  });
}

export function knowledgeFiles(ctx: EngineCtx): Array<{ file: FileRec; text: string }> {
  const out: Array<{ file: FileRec; text: string }> = [];
  for (const file of ctx.store.files.values()) {
    if (file.wire.purpose !== 'assistants') continue;
    const doc = KNOWLEDGE_BASE.find((d) => d.filename === file.wire.filename);
    if (doc) out.push({ file, text: doc.text });
  }
  return out;
}

/** A chart image written by code_interpreter. */
export function addChartImage(ctx: EngineCtx, at: number, variant: number): FileRec {
  const png = chartPng(variant);
  return addFile(ctx, at, `chart_${variant % 3}.png`, 'assistants_output', 'image/png', () => png, png.length);
}

/** A CSV written by code_interpreter (linked from the message with a file_path annotation). */
export function addCsv(ctx: EngineCtx, at: number, filename: string, csv: string, purpose: 'assistants' | 'assistants_output' = 'assistants_output'): FileRec {
  const buf = Buffer.from(csv, 'utf8');
  return addFile(ctx, at, filename, purpose, 'text/csv; charset=utf-8', () => buf, buf.length);
}
