// Next.js calls register() once per server start, before the first request (never during `next build`).
// With no OPENAI_BASE_URL, it boots the embedded Assistants emulator so the app works with zero configuration.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootEmbeddedUpstream } = await import('./lib/server/boot');
  await bootEmbeddedUpstream();
}
