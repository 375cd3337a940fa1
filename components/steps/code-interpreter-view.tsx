import type { CodeInterpreterToolCall } from '@/lib/contract';
import { fileContentUrl } from '@/lib/queries/run';
import { JsonView } from '@/components/ui/json-view';
import { CodeBlock } from './code-block';

/** Code interpreter: the code it ran, its logs, and images fetched through the proxy. */
export function CodeInterpreterView({ call }: { call: CodeInterpreterToolCall }) {
  const outputs = call.code_interpreter.outputs ?? [];
  return (
    <div className="flex flex-col gap-2" data-testid="code-interpreter-call">
      <CodeBlock label="Input code" text={call.code_interpreter.input} testId="code-input" />
      {outputs.length === 0 ? <p className="text-sm text-muted">No outputs.</p> : null}
      {outputs.map((out, i) => {
        if (out.type === 'logs' && 'logs' in out && typeof out.logs === 'string') {
          return <CodeBlock key={i} label="Logs" text={out.logs} testId="code-logs" />;
        }
        if (out.type === 'image' && 'image' in out && out.image && typeof out.image === 'object' && 'file_id' in out.image) {
          const fileId = String(out.image.file_id);
          return (
            <figure key={i} className="flex flex-col gap-1">
              <figcaption className="text-xs text-muted">
                Image output <span className="font-mono">{fileId}</span>
              </figcaption>
              {/* oxlint-disable-next-line nextjs/no-img-element -- bytes stream from our proxy (/api/v1/files); next/image would re-fetch them through its optimiser */}
              <img
                src={fileContentUrl(fileId)}
                alt={`Code interpreter output, file ${fileId}`}
                loading="lazy"
                data-testid="code-image"
                className="max-h-96 max-w-full self-start rounded-md border border-border bg-white"
              />
            </figure>
          );
        }
        return (
          <div key={i}>
            <p className="mb-1 text-xs text-muted">Output of unknown type “{out.type}”:</p>
            <JsonView value={out} label={`Output of type ${out.type}`} />
          </div>
        );
      })}
    </div>
  );
}
