import { Card } from '@/components/ui/card';

/** The steps card on a server without run steps: said once, no Retry, no polling. */
export function StepsUnavailable({ host }: { host: string | null }) {
  return (
    <Card title="Steps" id="run-steps" testId="run-steps">
      <p className="text-sm" data-testid="steps-unavailable">
        <span className="font-medium">Steps are not available from this server.</span> {host ?? 'The upstream'} does not provide run steps, so
        Runboard cannot show the tool calls and messages inside this run. The run&apos;s status, timeline and metadata above come from the server as usual.
      </p>
    </Card>
  );
}
