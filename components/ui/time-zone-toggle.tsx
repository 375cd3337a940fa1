'use client';

import { localZoneName, setTimeZoneChoice, useTimeZoneChoice } from './time-zone';

/** One click between the viewer's time zone and UTC for every absolute time; the choice is remembered. */
export function TimeZoneToggle() {
  const choice = useTimeZoneChoice();
  if (choice === null) return <span className="w-14 shrink-0" aria-hidden />;
  const utc = choice === 'utc';
  const local = localZoneName();
  return (
    <button
      type="button"
      onClick={() => setTimeZoneChoice(utc ? 'local' : 'utc')}
      title={utc ? `Times are in UTC. Click to show them in your time zone (${local}).` : `Times are in your time zone (${local}). Click to show them in UTC.`}
      aria-label={utc ? `Times in UTC; switch to your time zone (${local})` : `Times in your time zone (${local}); switch to UTC`}
      className="shrink-0 rounded-md border border-border px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-muted hover:bg-surface-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-accent"
      data-testid="time-zone-toggle"
      data-zone={choice}
    >
      {/* A viewer whose own zone is UTC still sees which mode is on. */}
      {utc ? 'UTC' : local === 'UTC' ? 'Local' : local}
    </button>
  );
}
