'use client';

import { useCapabilities, useReprobeCapabilities } from '@/lib/queries/capabilities';
import { CAPABILITY_IDS, ID_STYLE_LABELS, describeCapability, type IdStyle } from '@/lib/view/capabilities';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { RelativeTime } from '@/components/ui/relative-time';
import { toneText } from '@/components/ui/badge';

/**
 * What this upstream can do, under the connection banner: "runs list: not supported by this server", and so on,
 * with the id styles seen and a "Check again" that probes anew.
 */
export function ConnectionCapabilities() {
  const caps = useCapabilities();
  const reprobe = useReprobeCapabilities();
  if (!caps.data) return null;
  // A threads list is a bonus (OpenAI never had one; Runboard keeps its own), so its absence is no shortfall.
  const missing = CAPABILITY_IDS.filter((id) => id !== 'listThreads' && caps[id] === 'unsupported');
  const probedAt = caps.data.probed_at ? Math.floor(Date.parse(caps.data.probed_at) / 1000) : null;
  return (
    <div className="mt-3 border-t border-border pt-3" data-testid="connection-capabilities">
      <p className="font-medium">{missing.length === 0 ? 'What this server can do' : `This server lacks ${missing.length} of the endpoints Runboard uses`}</p>
      <ul className="mt-1 flex flex-col gap-0.5">
        {CAPABILITY_IDS.map((id) => (
          <li key={id} data-testid="capability" data-capability={id} data-state={caps[id]} className={cn(caps[id] === 'unsupported' && missing.includes(id) ? `font-medium ${toneText.warning}` : 'text-muted')}>
            {caps[id] === 'supported' ? '✓ ' : caps[id] === 'unsupported' ? '✗ ' : '? '}
            {describeCapability(id, caps[id])}
          </li>
        ))}
      </ul>
      {caps.data.id_styles.length > 0 ? (
        <p className="mt-1 text-muted" data-testid="id-styles">
          Id styles seen:{' '}
          {caps.data.id_styles.map((s, i) => (
            <span key={s.style}>
              {i > 0 ? '; ' : ''}
              {ID_STYLE_LABELS[s.style as IdStyle] ?? s.style}, e.g. <span className="font-mono break-all">{s.example}</span>
            </span>
          ))}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => reprobe.mutate()} busy={reprobe.isPending} data-testid="reprobe">
          Check what it can do again
        </Button>
        {probedAt ? (
          <span className="text-xs text-muted">
            Checked <RelativeTime value={probedAt} />; pages also learn from every answer.
          </span>
        ) : null}
      </div>
    </div>
  );
}
