import 'server-only';
import { isTerminalRunStatus } from '@/lib/contract';

// Which answers may be held in the short poll cache: objects that are still changing, i.e. exactly what many
// viewers poll. A terminal run or a finished step is not cached here (it cannot change; the browser caches it).

type WithStatus = { status?: unknown };

const runActive = (run: WithStatus) => typeof run.status === 'string' && !isTerminalRunStatus(run.status);
const stepActive = (step: WithStatus) => step.status === 'in_progress';

export function isPollCacheable(endpointId: string, body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const data = (body as { data?: unknown }).data;
  switch (endpointId) {
    case 'getRun':
      return runActive(body as WithStatus);
    case 'getRunStep':
      return stepActive(body as WithStatus);
    case 'listRuns':
      return Array.isArray(data) && data.some((item) => runActive(item as WithStatus));
    case 'listRunSteps':
      // An active run often has no step yet: an empty page is what its viewers poll.
      return Array.isArray(data) && (data.length === 0 || data.some((item) => stepActive(item as WithStatus)));
    default:
      return false;
  }
}
