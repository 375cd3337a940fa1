import 'server-only';
import { RuleError } from './rule-error';
import type { TokenSummary } from '@/lib/contract/people';
import { TOKEN_DAYS } from '@/lib/contract/people';
import { roleAtLeast, type Role } from '@/lib/view/roles';
import { forgetIdentities } from './identity-cache';
import { toRole } from './roles';
import { getAuthPair } from './runtime';

// Personal API tokens on better-auth's api-key plugin: the plugin generates the `rb_…` secret, stores only its hash,
// checks expiry and records the last use. Runboard adds what the plugin does not know: the token's role (at most its
// owner's, and never more than the owner has today) and its last four characters for lists, both in the key's
// metadata. Revoking deletes the key: its hash is gone, so the secret is unknown from then on (401). Checking a
// `Bearer rb_…` on a request is lib/auth/session.ts (resolveIdentity).

const TABLE = 'apikey';

export class TokenRuleError extends RuleError {}

type KeyRow = {
  id: string;
  name: string | null;
  referenceId: string;
  metadata: unknown;
  createdAt: Date | string;
  expiresAt: Date | string | null;
  lastRequest: Date | string | null;
};
type UserRow = { id: string; name: string; email: string; role?: string | null; banned?: boolean | null };

const seconds = (value: Date | string | null): number | null => (value === null ? null : Math.floor(new Date(value).getTime() / 1000));

function metadataOf(row: KeyRow): { role: Role; last4: string } {
  const raw = typeof row.metadata === 'string' ? (JSON.parse(row.metadata) as unknown) : row.metadata;
  const meta = (raw && typeof raw === 'object' ? raw : {}) as { role?: unknown; last4?: unknown };
  // A key without a known role (made outside Runboard) gets the lowest one rather than its owner's.
  return { role: toRole(meta.role), last4: typeof meta.last4 === 'string' ? meta.last4 : '????' };
}

function summary(row: KeyRow, owner: UserRow): TokenSummary {
  const meta = metadataOf(row);
  return {
    id: row.id,
    name: row.name ?? '',
    role: meta.role,
    last4: meta.last4,
    created_at: seconds(row.createdAt) ?? 0,
    expires_at: seconds(row.expiresAt),
    last_used_at: seconds(row.lastRequest),
    owner: { id: owner.id, name: owner.name, email: owner.email },
  };
}

export async function createPersonalToken(input: {
  userId: string;
  name: string;
  /** Defaults to the owner's role. */
  role?: Role | null;
  days?: number;
}): Promise<{ token: TokenSummary; secret: string }> {
  const auth = (await getAuthPair()).plain;
  const ctx = await auth.$context;
  const owner = (await ctx.internalAdapter.findUserById(input.userId)) as UserRow | null;
  if (!owner) throw new TokenRuleError('No such user.', 404, 'user_not_found');
  if (owner.banned) throw new TokenRuleError(`${owner.email} is deactivated; a token for them would not work.`, 403, 'user_deactivated');
  const ownerRole = toRole(owner.role);
  const role = input.role ?? ownerRole;
  if (!roleAtLeast(ownerRole, role)) {
    throw new TokenRuleError(`A token cannot have a higher role than its owner: ${owner.email} is ${ownerRole}.`, 403, 'role_above_owner');
  }
  const days = input.days ?? TOKEN_DAYS.default;
  if (!Number.isInteger(days) || days < TOKEN_DAYS.min || days > TOKEN_DAYS.max) {
    throw new TokenRuleError(`A token lives ${TOKEN_DAYS.min} to ${TOKEN_DAYS.max} days.`, 400, 'invalid_days');
  }
  const created = await auth.api.createApiKey({
    body: { userId: owner.id, name: input.name, expiresIn: days * 86_400, metadata: { role } },
  });
  const last4 = created.key.slice(-4);
  await ctx.adapter.update({ model: TABLE, where: [{ field: 'id', value: created.id }], update: { metadata: JSON.stringify({ role, last4 }) } });
  const row: KeyRow = { ...created, metadata: { role, last4 }, referenceId: owner.id };
  return { token: summary(row, owner), secret: created.key };
}

/** Tokens, newest first: one person's (`userId`) or everyone's. Expired tokens are listed until the plugin sweeps them. */
export async function listTokens(opts: { userId?: string; page: number; pageSize: number }): Promise<{ data: TokenSummary[]; total: number }> {
  const ctx = await (await getAuthPair()).plain.$context;
  const where = opts.userId ? [{ field: 'referenceId', value: opts.userId }] : [];
  const [rows, total] = await Promise.all([
    ctx.adapter.findMany<KeyRow>({
      model: TABLE,
      where,
      limit: opts.pageSize,
      offset: (opts.page - 1) * opts.pageSize,
      sortBy: { field: 'createdAt', direction: 'desc' },
    }),
    ctx.adapter.count({ model: TABLE, where }),
  ]);
  const ownerIds = [...new Set(rows.map((r) => r.referenceId))];
  const owners = ownerIds.length
    ? await ctx.adapter.findMany<UserRow>({ model: 'user', where: [{ field: 'id', operator: 'in', value: ownerIds }] })
    : [];
  const byId = new Map(owners.map((o) => [o.id, o]));
  const unknown = (id: string): UserRow => ({ id, name: 'deleted user', email: '' });
  return { data: rows.map((r) => summary(r, byId.get(r.referenceId) ?? unknown(r.referenceId))), total };
}

/** One token; with `ownerId` only if it belongs to that person (someone else's id answers "not found"). */
export async function findToken(id: string, opts: { ownerId?: string } = {}): Promise<TokenSummary> {
  const ctx = await (await getAuthPair()).plain.$context;
  const row = await ctx.adapter.findOne<KeyRow>({ model: TABLE, where: [{ field: 'id', value: id }] });
  if (!row || (opts.ownerId && row.referenceId !== opts.ownerId)) throw new TokenRuleError('No such token.', 404, 'token_not_found');
  const owner = ((await ctx.internalAdapter.findUserById(row.referenceId)) as UserRow | null) ?? { id: row.referenceId, name: '', email: '' };
  return summary(row, owner);
}

/** Deletes a token (same ownership rule as findToken). Its secret is unknown from the next request on. */
export async function revokeToken(id: string, opts: { ownerId?: string } = {}): Promise<TokenSummary> {
  const token = await findToken(id, opts);
  const ctx = await (await getAuthPair()).plain.$context;
  await ctx.adapter.delete({ model: TABLE, where: [{ field: 'id', value: id }] });
  forgetIdentities();
  return token;
}
