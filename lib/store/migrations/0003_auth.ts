import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// better-auth's tables for the plugins Runboard configures in lib/auth/auth.ts: core (user, session, account,
// verification), admin (role and ban columns on user, impersonatedBy on session), api-key (apikey: personal tokens,
// stored hashed) and the rate limiter's table (rateLimit, shared by every instance). genericOAuth (OpenID Connect)
// uses account and verification. Column names and types are exactly what better-auth's own generator emits for each
// dialect (tests/auth/auth-schema.test.ts checks that better-auth finds nothing missing), so the library never
// migrates on its own.

type Types = { bool: 'boolean' | 'integer'; date: 'timestamptz' | 'date' };

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const t: Types = pg ? { bool: 'boolean', date: 'timestamptz' } : { bool: 'integer', date: 'date' };
  // PostgreSQL fills createdAt/updatedAt itself where better-auth's generator asks it to.
  const now = (c: ColumnDefinitionBuilder) => (pg ? c.defaultTo(sql`CURRENT_TIMESTAMP`).notNull() : c.notNull());
  const required = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('name', 'text', required)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('emailVerified', t.bool, required)
    .addColumn('image', 'text')
    .addColumn('createdAt', t.date, now)
    .addColumn('updatedAt', t.date, now)
    .addColumn('role', 'text')
    .addColumn('banned', t.bool)
    .addColumn('banReason', 'text')
    .addColumn('banExpires', t.date)
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('expiresAt', t.date, required)
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', t.date, now)
    .addColumn('updatedAt', t.date, required)
    .addColumn('ipAddress', 'text')
    .addColumn('userAgent', 'text')
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('impersonatedBy', 'text')
    .execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('accountId', 'text', required)
    .addColumn('providerId', 'text', required)
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('accessToken', 'text')
    .addColumn('refreshToken', 'text')
    .addColumn('idToken', 'text')
    .addColumn('accessTokenExpiresAt', t.date)
    .addColumn('refreshTokenExpiresAt', t.date)
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('createdAt', t.date, now)
    .addColumn('updatedAt', t.date, required)
    .execute();

  await db.schema
    .createTable('verification')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('identifier', 'text', required)
    .addColumn('value', 'text', required)
    .addColumn('expiresAt', t.date, required)
    .addColumn('createdAt', t.date, now)
    .addColumn('updatedAt', t.date, now)
    .execute();

  await db.schema
    .createTable('apikey')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('configId', 'text', required)
    .addColumn('name', 'text')
    .addColumn('start', 'text')
    .addColumn('referenceId', 'text', required)
    .addColumn('prefix', 'text')
    .addColumn('key', 'text', required)
    .addColumn('refillInterval', 'integer')
    .addColumn('refillAmount', 'integer')
    .addColumn('lastRefillAt', t.date)
    .addColumn('enabled', t.bool)
    .addColumn('rateLimitEnabled', t.bool)
    .addColumn('rateLimitTimeWindow', 'integer')
    .addColumn('rateLimitMax', 'integer')
    .addColumn('requestCount', 'integer')
    .addColumn('remaining', 'integer')
    .addColumn('lastRequest', t.date)
    .addColumn('expiresAt', t.date)
    .addColumn('createdAt', t.date, required)
    .addColumn('updatedAt', t.date, required)
    .addColumn('permissions', 'text')
    .addColumn('metadata', 'text')
    .execute();

  await db.schema
    .createTable('rateLimit')
    .addColumn('id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('count', 'integer', required)
    .addColumn('lastRequest', 'bigint', required)
    .execute();

  await db.schema.createIndex('session_userId_idx').on('session').column('userId').execute();
  await db.schema.createIndex('account_userId_idx').on('account').column('userId').execute();
  await db.schema.createIndex('verification_identifier_idx').on('verification').column('identifier').execute();
  await db.schema.createIndex('apikey_configId_idx').on('apikey').column('configId').execute();
  await db.schema.createIndex('apikey_referenceId_idx').on('apikey').column('referenceId').execute();
  await db.schema.createIndex('apikey_key_idx').on('apikey').column('key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['rateLimit', 'apikey', 'verification', 'account', 'session', 'user']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
