import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="rounded-lg border border-border bg-surface p-6">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm">Runboard has no page at this address. Paste a thread or run id on the home page instead.</p>
      <Link prefetch={false} href="/" className={buttonClasses('secondary', 'md', 'mt-4')}>
        Home
      </Link>
    </div>
  );
}
