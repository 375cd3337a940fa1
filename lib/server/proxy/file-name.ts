import 'server-only';
import { OpenAIFile } from '@/lib/contract';
import type { Connection } from '@/lib/upstream/connection';
import { upstreamJson } from '@/lib/upstream/json';
import { attachmentDisposition } from './file-disposition';

/**
 * The file content endpoint answers bytes without a name, so a browser saves every citation as "content". The
 * file's metadata has its name: ask for it (a cheap read) and name the download after it; without it, the id.
 */
export async function fileNameHeaders(connection: Connection, fileId: string, requestId: string): Promise<{ filename: string; disposition: string }> {
  let filename = fileId;
  try {
    const { data } = await upstreamJson(connection, { method: 'GET', path: `/files/${encodeURIComponent(fileId)}`, requestId }, { schema: OpenAIFile });
    if (data.filename.trim()) filename = data.filename;
  } catch {
    // No metadata (a facade without GET /files/{id}, a deleted file): the id is still a better name than "content".
  }
  return { filename, disposition: attachmentDisposition(filename) };
}
