import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

/** Reached for ids that cannot be ids (bad characters or length); unknown-but-valid ids are handled by the viewer. */
export default function RunNotFoundPage() {
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Run not found</h1>
      <EmptyState
        title="That is not a valid thread or run id"
        description="Ids look like thread_abc123 and run_abc123 (letters, digits, _ and -, at most 128 characters)."
        action={
          <Link prefetch={false} href="/" className="text-accent underline">
            Back to Runboard
          </Link>
        }
      />
    </>
  );
}
