/**
 * Runboard's own people API (not part of the Assistants contract): users, invites, personal API tokens, sessions.
 * Shared by the route handlers (request bodies) and the browser (response shapes). Imports zod only.
 * Times are Unix seconds, like the Assistants objects, so the same time helpers render them.
 */
import { z } from 'zod';

export const ROLE_VALUES = ['viewer', 'operator', 'admin'] as const;
export const RoleValue = z.enum(ROLE_VALUES, { error: 'must be viewer, operator or admin' });
export type RoleValue = z.infer<typeof RoleValue>;

/** Token lifetime rules (item 4): default 90 days, at most one year. */
export const TOKEN_DAYS = { default: 90, min: 1, max: 365 } as const;
export const TOKEN_NAME_MAX = 64;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an email address such as ana@example.com' }));

const personName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

export const Password = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

// ----------------------------------------------------------------------------------------------
// Objects
// ----------------------------------------------------------------------------------------------

export const UserStatus = z.enum(['active', 'invited', 'deactivated']);
export type UserStatus = z.infer<typeof UserStatus>;

export const PersonSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleValue,
  status: UserStatus,
  /** Signs in through the OpenID provider (no Runboard password). */
  sso: z.boolean(),
  /** Signed in with a temporary password that has not been replaced yet. */
  must_change_password: z.boolean(),
  created_at: z.number(),
  active_sessions: z.number().int(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** One numbered page of a counted list (people lists are small, so they have page numbers and totals). */
const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), page: z.number().int(), page_size: z.number().int(), total: z.number().int() });

export const PersonPage = Paged(PersonSummary);
export type PersonPage = z.infer<typeof PersonPage>;

export const TokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleValue,
  /** The last four characters: enough to tell tokens apart, useless to an attacker. */
  last4: z.string(),
  created_at: z.number(),
  expires_at: z.number().nullable(),
  last_used_at: z.number().nullable(),
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
export type TokenSummary = z.infer<typeof TokenSummary>;

export const TokenPage = Paged(TokenSummary);
export type TokenPage = z.infer<typeof TokenPage>;

/** The only answer that ever carries a token's secret: shown once, never stored in plain text. */
export const CreatedToken = z.object({ token: TokenSummary, secret: z.string().startsWith('rb_') });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const SessionSummary = z.object({
  id: z.string(),
  current: z.boolean(),
  created_at: z.number(),
  expires_at: z.number(),
  user_agent: z.string().nullable(),
  address: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionList = z.object({ data: z.array(SessionSummary) });
export type SessionList = z.infer<typeof SessionList>;

/** The signed-in person's own view of themselves: their summary's identity fields, and whether they have a password. */
export const Profile = PersonSummary.pick({ id: true, name: true, email: true, role: true, sso: true, must_change_password: true }).extend({
  has_password: z.boolean(),
});
export type Profile = z.infer<typeof Profile>;

export const CreatedPerson = z.object({
  user: PersonSummary,
  /** Invite link (method "invite"): single use, valid 7 days. */
  invite_url: z.string().nullable(),
  invite_expires_at: z.number().nullable(),
  /** Temporary password (method "password"): shown once, must be changed at first sign-in. */
  temporary_password: z.string().nullable(),
});
export type CreatedPerson = z.infer<typeof CreatedPerson>;

export const InviteInfo = z.object({ email: z.string(), name: z.string(), role: RoleValue, expires_at: z.number() });
export type InviteInfo = z.infer<typeof InviteInfo>;

export const Ok = z.object({ ok: z.literal(true) });

// ----------------------------------------------------------------------------------------------
// Request bodies (strict: unknown fields are refused with their name)
// ----------------------------------------------------------------------------------------------

export const CreatePersonBody = z.strictObject({
  email,
  name: personName.optional(),
  role: RoleValue,
  method: z.enum(['invite', 'password'], { error: 'must be "invite" (a link) or "password" (a temporary password)' }),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const SetRoleBody = z.strictObject({ role: RoleValue });
export type SetRoleBody = z.infer<typeof SetRoleBody>;

export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(TOKEN_NAME_MAX, `must be at most ${TOKEN_NAME_MAX} characters`),
  role: RoleValue,
  days: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(TOKEN_DAYS.min, `must be at least ${TOKEN_DAYS.min} day`)
    .max(TOKEN_DAYS.max, `must be at most ${TOKEN_DAYS.max} days (one year)`)
    .default(TOKEN_DAYS.default),
});
export type CreateTokenBody = z.input<typeof CreateTokenBody>;

export const UpdateProfileBody = z.strictObject({ name: personName });
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const ChangePasswordBody = z
  .strictObject({ current_password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX), new_password: Password })
  .refine((b) => b.current_password !== b.new_password, { path: ['new_password'], message: 'must differ from the current password' });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const AcceptInviteBody = z.strictObject({ name: personName, password: Password });
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

export const PageQuery = z.object({
  page: z.coerce.number({ error: 'must be a page number' }).int().min(1, 'must be at least 1').max(100_000).default(1),
  page_size: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100, 'must be at most 100').default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;
