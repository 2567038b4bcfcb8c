// The web app reports a sign-in right after Cognito answers; the verified token's auth_time
// makes it one login however often it is reported, and its address and device are this request's.
import { invalid, recordLogin } from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';

/** auth_time of the bearer token, which the middleware has verified before the handler runs. */
function authTimeOf(authorization: string | undefined): number {
  const payload = authorization?.split(' ')[1]?.split('.')[1];
  const claims = payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { auth_time?: unknown }) : {};
  if (typeof claims.auth_time !== 'number') throw invalid('The token carries no auth_time');
  return claims.auth_time;
}

export const handler = defineResource('sessions', {
  'POST /api/v1/sessions': async ({ caller, event, ip }) => {
    const result = await recordLogin(caller, {
      authTime: authTimeOf(event.headers.authorization),
      ip,
      userAgent: event.headers['user-agent'],
      success: true,
    });
    return new Reply({ status: result.recorded ? 201 : 200, body: result });
  },
});
