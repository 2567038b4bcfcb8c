// Who may reach the API from where: the client's address, and the account's IP allow-list
// checked on every authenticated request before its handler runs.
//
// The address: API Gateway's requestContext.http.sourceIp. In AWS the API sits behind
// CloudFront, so that is an edge address; CloudFront's viewer-request function puts the
// viewer's in x-crm-viewer-ip and the origin adds a secret header (infra web-stack). The viewer
// header is believed only beside that secret; the execute-api endpoint is disabled, so no
// request reaches the API without passing CloudFront.
import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { IP_NOT_ALLOWED } from '@crm/contract/problems';
import { accountAccess, DomainError, isAllowed, type Caller } from '@crm/core';

export const VIEWER_IP_HEADER = 'x-crm-viewer-ip';
export const ORIGIN_SECRET_HEADER = 'x-crm-origin-secret';

let originSecret: Promise<string | null> | undefined;

/** The secret CloudFront sends, read once per instance; none (locally) means no header is believed. */
function loadOriginSecret(): Promise<string | null> {
  const arn = process.env.ORIGIN_SECRET_ARN;
  if (!arn) return Promise.resolve(null);
  // The SDK too is loaded here, not at cold start: locally (no secret) it is never needed.
  originSecret ??= import('@aws-sdk/client-secrets-manager')
    .then((sdk) => new sdk.SecretsManagerClient({}).send(new sdk.GetSecretValueCommand({ SecretId: arn })))
    .then((r) => r.SecretString ?? null)
    .catch((err) => {
      originSecret = undefined; // try again on the next request
      throw err;
    });
  return originSecret;
}

const sameSecret = (sent: string, secret: string) => {
  const a = Buffer.from(sent);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The address the request came from: the viewer's behind CloudFront, else the connection's. */
export async function clientIp(event: APIGatewayProxyEventV2): Promise<string> {
  const direct = event.requestContext.http.sourceIp;
  const viewer = event.headers[VIEWER_IP_HEADER];
  const sent = event.headers[ORIGIN_SECRET_HEADER];
  if (!viewer || !sent) return direct;
  const secret = await loadOriginSecret();
  return secret && sameSecret(sent, secret) ? viewer.trim() : direct;
}

/** 403 unless the account's allow-list (empty: everyone) holds the request's address. */
export async function checkAccess(caller: Caller, ip: string): Promise<void> {
  // A signed-in user's list comes with the caller's own read (services/callers.ts); a caller
  // made another way (an API key) has it read here, so no kind of caller skips the check.
  const ipAllowlist = caller.ipAllowlist ?? (await accountAccess(caller.accountId)).ipAllowlist;
  if (isAllowed(ipAllowlist, ip)) return;
  throw new DomainError(
    'forbidden',
    `Your address ${ip} is not on this account's IP allow-list; an administrator can add it in the account settings`,
    undefined,
    { type: IP_NOT_ALLOWED, address: ip },
  );
}
