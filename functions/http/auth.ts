// Token check: the Cognito ID token is verified against the pool's JWKS (aws-jwt-verify);
// the account comes only from the verified claims, the role and rights from the records read
// on each request.
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import { resolveCaller, unauthorized, type Caller } from '@crm/core';
import { authenticateApiKey, isApiKey } from './api-keys.ts';

/** Fetches the JWKS over http too: cognito-local serves it without TLS. */
const fetcher: Fetcher = {
  fetch: async (uri) => {
    const res = await fetch(uri, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`JWKS fetch failed: ${res.status}`);
    return res.arrayBuffer();
  },
};

let verifier: ReturnType<typeof createVerifier> | undefined;
const createVerifier = () =>
  JwtRsaVerifier.create(
    { issuer: process.env.JWT_ISSUER!, audience: process.env.USER_POOL_CLIENT_ID!, jwksUri: process.env.JWKS_URI! },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );

/** How far ahead of this clock a token's issuing clock may run. */
const CLOCK_SKEW_S = 60;

/**
 * aws-jwt-verify checks `exp` only when the token has one and never compares `iat` with now:
 * a token that never ends, or one minted ahead of time to be used later, would pass. Cognito
 * sets both.
 */
function assertLifetime(claims: Record<string, unknown>) {
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number') throw unauthorized('The token has no expiry');
  if (typeof claims.iat !== 'number' || claims.iat > now + CLOCK_SKEW_S) throw unauthorized('The token is not valid yet');
}

export async function authenticate(authorization: string | undefined): Promise<Caller> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw unauthorized('Send an ID token as Authorization: Bearer <token>');
  if (isApiKey(token)) return authenticateApiKey(token);
  let claims: Record<string, unknown>;
  try {
    verifier ??= createVerifier();
    claims = await verifier.verify(token);
  } catch {
    throw unauthorized('The token is invalid or expired');
  }
  assertLifetime(claims);
  if (claims.token_use !== 'id') throw unauthorized('Send the ID token, not the access token');
  const accountId = claims['custom:accountId'];
  const userId = claims['custom:userId'];
  if (typeof accountId !== 'string' || typeof userId !== 'string') throw unauthorized('The token names no account');
  // No cache of who the caller is: each Lambda is its own instance, and a demotion or a
  // deactivation must judge the very next request on any of them (one consistent read).
  return resolveCaller(accountId, userId);
}
