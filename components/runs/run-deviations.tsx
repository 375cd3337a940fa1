import type { Run } from '@/lib/contract';
import { runDeviations } from '@/lib/view/run-deviations';

/** Where the server's report of the run contradicts the protocol, said next to the diagnosis. */
export function RunDeviations({ run }: { run: Run }) {
  const deviations = runDeviations(run);
  if (deviations.length === 0) return null;
  return (
    <div className="mt-2 border-t border-border pt-2 text-sm text-foreground" data-testid="run-deviations">
      <p className="font-medium">Protocol deviation</p>
      <ul className="list-disc pl-5">
        {deviations.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </div>
  );
}
