/**
 * Demo data, built deterministically from the seed with timestamps relative to the emulator's
 * `now`: four assistants and seven threads whose runs cover every status and scenario (see
 * lib/emulator/README.md). The knowledge-base files are always present (file_search needs them).
 */
import type { EngineCtx } from '../engine/context';
import { addKnowledgeBase } from '../files';
import { seedAssistants } from './assistants';
import { acmeRefunds, globexDocs, initechEscalation, northwindAnalysis, umbrellaOnboarding } from './conversations';
import type { EmulatorProfile } from '../profile';
import { facadeOddIds } from './facade';
import { triageInbox, webhookReplay } from './long-threads';

const DAY = 86400;

/** Seeds `ctx` and returns a one-line summary. */
export function seedDemoData(ctx: EngineCtx, now: number, withData = true, profile: EmulatorProfile = 'full'): string {
  addKnowledgeBase(ctx, now - 30 * DAY);
  if (!withData) return 'no demo data (knowledge-base files only)';
  const assistants = seedAssistants(ctx, now - 30 * DAY, ctx.ids.make('vs_'));
  // Oldest first, so creation order (the seq tiebreak) follows time as it would in real life.
  const writers = [
    umbrellaOnboarding(ctx, now, assistants),
    initechEscalation(ctx, now, assistants),
    triageInbox(ctx, now, assistants),
    webhookReplay(ctx, now, assistants),
    acmeRefunds(ctx, now, assistants),
    northwindAnalysis(ctx, now, assistants),
    globexDocs(ctx, now, assistants),
    ...(profile === 'sparse' ? [facadeOddIds(ctx, now, assistants)] : []),
  ];
  const runs = writers.reduce((n, w) => n + w.thread.runs.length, 0);
  const longest = Math.max(...writers.map((w) => w.thread.runs.length));
  return `${ctx.store.assistants.size} assistants, ${writers.length} threads, ${runs} runs (longest thread ${longest} runs), every status and scenario`;
}
