import type { Migration } from 'kysely';
import * as m0001 from './0001_threads_seen';
import * as m0002 from './0002_audit_log';
import * as m0003 from './0003_auth';
import * as m0004 from './0004_people';
import * as m0005 from './0005_thread_index';
import * as m0006 from './0006_inbox';

// Every migration, in order, listed statically (no filesystem scan: this must work inside Next's server bundles).
// Names are sorted by Kysely; a number once used is never reused or edited — add a new one instead.
// Reserved: 0003_auth (sign-in, better-auth tables), 0004_people (invites, setup links). Later issues add 0005+.

export const migrations: Record<string, Migration> = {
  '0001_threads_seen': m0001,
  '0002_audit_log': m0002,
  '0003_auth': m0003,
  '0004_people': m0004,
  '0005_thread_index': m0005,
  '0006_inbox': m0006,
};
