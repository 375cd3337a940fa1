import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { AppShell } from '@/components/layout/app-shell';
import { getServerViewer } from '@/lib/auth/viewer';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Runboard', template: '%s · Runboard' },
  description: 'Inspect and operate Assistants-API threads and runs.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getServerViewer();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers viewer={viewer}>
          <AppShell>{children}</AppShell>
        </Providers>
      </body>
    </html>
  );
}
