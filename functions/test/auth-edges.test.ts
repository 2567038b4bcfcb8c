// Tokens and logins at their edges (issue 9, item 20): a token must say when it ends and may
// not claim to be issued later than now; the e-mail reaches the same user in any case.
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logInAs, type TestAccount } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
let admin: TestAccount;

beforeAll(async () => {
  admin = await api.account();
});

/** cognito-local signs with a key shipped in its package; the test signs claims of its choosing with it. */
const require = createRequire(import.meta.url);
const keyFile = join(require.resolve('cognito-local/package.json'), '..', 'lib', 'keys', 'cognitoLocal.private.json');
const signingKey = (JSON.parse(readFileSync(keyFile, 'utf8')) as { pem: string }).pem;
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

function mint(claims: Record<string, unknown>) {
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })}.${b64(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(signingKey).toString('base64url')}`;
}

const me = (token: string) => admin.request('GET', '/api/v1/me', undefined, { authorization: `Bearer ${token}` });
const now = () => Math.floor(Date.now() / 1000);

describe('Token lifetime', () => {
  it('accepts the claims of a real ID token signed again, and a clock up to a minute ahead', async () => {
    expect((await me(mint(claimsOf(admin.token)))).status).toBe(200);
    expect((await me(mint({ ...claimsOf(admin.token), iat: now() + 30 }))).status).toBe(200);
  });

  it('refuses a token without exp', async () => {
    const { exp: _, ...claims } = claimsOf(admin.token);
    const res = await me(mint(claims));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a token issued in the future beyond a small skew, or without iat', async () => {
    expect((await me(mint({ ...claimsOf(admin.token), iat: now() + 3600, exp: now() + 7200 }))).status).toBe(401);
    const { iat: _, ...noIat } = claimsOf(admin.token);
    expect((await me(mint(noIat))).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    expect((await me(mint({ ...claimsOf(admin.token), iat: now() - 7200, exp: now() - 3600 }))).status).toBe(401);
  });
});

describe('E-mail case', () => {
  it('signs up, invites and logs in the same user whatever the case of the e-mail', async () => {
    const local = `Anna.${Math.random().toString(36).slice(2)}`;
    const typed = `${local}@Example.COM`;
    const anna = await api.account();
    const password = 'Test-password-1';
    const invite = await anna.request('POST', '/api/v1/users', { email: typed, name: 'Anna', role: 'manager', password });
    expect(invite.status, JSON.stringify(invite.body)).toBe(201);
    expect(invite.body.email).toBe(typed.toLowerCase());
    // The same address in another case is the same login: taken, in this account and in any other.
    const again = await admin.request('POST', '/api/v1/users', { email: typed.toUpperCase(), name: 'Anna', role: 'manager' });
    expect(again.status).toBe(409);
    const signup = await admin.request('POST', '/api/v1/signup', { company: 'Other', name: 'Anna', email: typed.toLowerCase(), password });
    expect(signup.status).toBe(409);
    const tokens = await Promise.all([typed, typed.toLowerCase(), ` ${typed.toUpperCase()} `].map((e) => logInAs(e, password)));
    expect(new Set(tokens.map((t) => claimsOf(t)['custom:userId']))).toEqual(new Set([invite.body.id]));
  });
});
