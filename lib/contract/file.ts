/** Files (read only: the dashboard shows code-interpreter images and citations' file names). */
import { z } from 'zod';
import { ResponseId, UnixTime } from './common';

/**
 * The File object. `status` is REQ in the spec but deprecated and missing on newer servers;
 * `purpose` is an open string because the enum keeps growing.
 */
export const OpenAIFile = z.looseObject({
  id: ResponseId,
  object: z.literal('file'),
  bytes: z.int().min(0).nullish(),
  created_at: UnixTime,
  expires_at: UnixTime.nullish(),
  filename: z.string(),
  purpose: z.string(),
  status: z.string().nullish(),
  status_details: z.string().nullish(),
});
export type OpenAIFile = z.infer<typeof OpenAIFile>;
