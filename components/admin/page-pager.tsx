'use client';

import { CursorPagination } from '@/components/ui/pagination';

/** Numbered pages over a known total (people lists are small and counted, unlike the API's cursor lists). */
export function PagePager({ page, pageSize, total, onPage, noun }: { page: number; pageSize: number; total: number; onPage: (page: number) => void; noun: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <CursorPagination
      label={`${noun} pages`}
      summary={`${from}–${to} of ${total} ${noun} · page ${page} of ${pages}`}
      prevLabel="← Previous"
      nextLabel="Next →"
      prev={{ onClick: () => onPage(page - 1), disabled: page <= 1 }}
      next={{ onClick: () => onPage(page + 1), disabled: page >= pages }}
    />
  );
}
