/**
 * The sparse profile's extra thread: ids only a facade issues (`thread__…`, `run_-…`, `file_…`), so e2e can open
 * them from the search box, the lookup and the proxy. Everything else in the sparse seed is the usual demo data,
 * with nanoid ids.
 */
import type { EngineCtx } from '../engine/context';
import { knowledgeFiles } from '../files';
import type { DemoAssistants } from './assistants';
import { ThreadWriter } from './writer';

const HOUR = 3600;

export function facadeOddIds(ctx: EngineCtx, now: number, a: DemoAssistants): ThreadWriter {
  ctx.ids.forceNextFirst('_');
  const w = ThreadWriter.open(ctx, now, now - 3 * HOUR, { title: 'Facade — ids with odd first characters', demo: 'odd-ids' });
  const file = knowledgeFiles(ctx)[0]?.file;
  w.user('Where is the refund policy written down?', file ? { attachments: [{ file_id: file.wire.id, tools: [{ type: 'file_search' }] }] } : {});
  ctx.ids.forceNextFirst('-');
  w.run(a.docs, {});
  return w;
}
