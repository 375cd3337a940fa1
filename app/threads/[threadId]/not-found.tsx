import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export default function ThreadIdNotFound() {
  return (
    <div className="rounded-lg border border-border bg-surface p-6">
      <h1 className="text-xl font-semibold">Not a thread id</h1>
      <p className="mt-2 text-sm">Thread ids are 1–128 letters, digits, “_” or “-”, like thread_abc123.</p>
      <Link prefetch={false} href="/" className={buttonClasses('secondary', 'md', 'mt-4')}>
        Back to search
      </Link>
    </div>
  );
}
