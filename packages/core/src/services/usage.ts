// Usage, the seed's "tariff conditions": this month's users, records and API requests of the
// account, and an estimate of what its traffic costs on AWS. All read from counters: the
// request counter is sharded (ADD on one of REQUEST_SHARDS items per request) so a busy
// account does not queue its writes on one item; the record counters move in the records'
// own transactions (derived/record-counts.ts).
import type { Usage } from '@crm/contract';
import type { Caller } from '../context.ts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, dynamo } from '../db.ts';
import { addTo } from '../write/adds.ts';
import { COUNTED_KINDS, recordCountKey } from '../derived/record-counts.ts';
import { unsharded } from '../derived/counters.ts';
import { requireAdmin } from '../rights.ts';

export const REQUEST_SHARDS = 10;

const monthOf = (at: Date) => at.toISOString().slice(0, 7);
const requestsKey = (month: string, shard: number) => `requests#${month}#${shard}`;

/**
 * Counts one authenticated API request: one UpdateItem of 1 write unit (~$0.000000625 on
 * demand), which the estimate includes. Not part of the request's transaction: a lost count
 * never fails a request.
 */
export async function countRequest(accountId: string, at = new Date()): Promise<void> {
  const shard = Math.floor(Math.random() * REQUEST_SHARDS);
  // Built directly, not through ElectroDB: every request pays for it (write/adds.ts).
  await dynamo.send(new UpdateCommand(addTo('counter', accountId, requestsKey(monthOf(at), shard), { count: 1 }).item.Update!));
}

/**
 * Published on-demand prices (us-east-1, USD) and what one request is assumed to use. Storage,
 * Cognito (free tier of the Lite plan), logs and the fixed Secrets Manager fee are left out.
 */
export const PRICES = {
  apiGatewayPerMillion: 1.0,
  lambdaPerMillion: 0.2,
  lambdaGbSecondArm: 0.0000133334,
  dynamoReadPerMillion: 0.125,
  dynamoWritePerMillion: 0.625,
  cloudFrontPerMillion: 1.0,
  cloudFrontPerGb: 0.085,
} as const;
export const PER_REQUEST = { lambdaMs: 120, lambdaGb: 0.5, readUnits: 4, writeUnits: 2, responseKb: 6 } as const;

const ASSUMPTIONS = [
  'Prices: AWS on-demand list prices for us-east-1 in USD, without free tiers: HTTP API $1.00 per million requests; Lambda $0.20 per million requests and $0.0000133334 per GB-second (Arm); DynamoDB on-demand $0.125 per million read units and $0.625 per million write units; CloudFront $1.00 per million HTTPS requests and $0.085 per GB out.',
  `Each API request: one Lambda run of ${PER_REQUEST.lambdaMs} ms at ${PER_REQUEST.lambdaGb * 1024} MB, ${PER_REQUEST.readUnits} DynamoDB read units (token's user, allow-list, the data), ${PER_REQUEST.writeUnits} write units on average (this request counter and the share of requests that write), a ${PER_REQUEST.responseKb} KB answer through CloudFront.`,
  'Counted: API requests with a valid token this UTC month. Not counted: the web app files CloudFront serves, sign-in at Cognito, public routes, events on the bus and their consumers, storage, logs and the fixed monthly fees that all accounts share.',
];

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function estimateCost(requests: number): Usage['estimate'] {
  const million = requests / 1e6;
  const line = (service: string, quantity: number, unit: string, unitPriceUsd: number, costUsd: number) => ({
    service,
    quantity: round(quantity),
    unit,
    unitPriceUsd,
    costUsd: round(costUsd),
  });
  const gbSeconds = requests * (PER_REQUEST.lambdaMs / 1000) * PER_REQUEST.lambdaGb;
  const readUnits = requests * PER_REQUEST.readUnits;
  const writeUnits = requests * PER_REQUEST.writeUnits;
  const gbOut = (requests * PER_REQUEST.responseKb) / 1024 / 1024;
  const lines = [
    line('API Gateway (HTTP API)', requests, 'requests', PRICES.apiGatewayPerMillion / 1e6, million * PRICES.apiGatewayPerMillion),
    line('Lambda requests', requests, 'requests', PRICES.lambdaPerMillion / 1e6, million * PRICES.lambdaPerMillion),
    line('Lambda compute', gbSeconds, 'GB-seconds', PRICES.lambdaGbSecondArm, gbSeconds * PRICES.lambdaGbSecondArm),
    line(
      'DynamoDB reads',
      readUnits,
      'read request units',
      PRICES.dynamoReadPerMillion / 1e6,
      (readUnits / 1e6) * PRICES.dynamoReadPerMillion,
    ),
    line(
      'DynamoDB writes',
      writeUnits,
      'write request units',
      PRICES.dynamoWritePerMillion / 1e6,
      (writeUnits / 1e6) * PRICES.dynamoWritePerMillion,
    ),
    line('CloudFront requests', requests, 'HTTPS requests', PRICES.cloudFrontPerMillion / 1e6, million * PRICES.cloudFrontPerMillion),
    line('CloudFront data out', gbOut, 'GB', PRICES.cloudFrontPerGb, gbOut * PRICES.cloudFrontPerGb),
  ];
  return { totalUsd: round(lines.reduce((sum, l) => sum + l.costUsd, 0)), lines, assumptions: ASSUMPTIONS };
}

/** Three Queries: the month's request shards, the record counters, the users (a team is small). */
export async function getUsage(caller: Caller, at = new Date()): Promise<Usage> {
  requireAdmin(caller);
  const { accountId } = caller;
  const month = monthOf(at);
  const [requests, records, users] = await Promise.all([
    db.counter.query
      .byKey({ accountId })
      .begins({ key: `requests#${month}#` })
      .go({ pages: 'all' }),
    db.counter.query.byKey({ accountId }).begins({ key: 'records#' }).go({ pages: 'all' }),
    db.user.query.byId({ accountId }).go({ pages: 'all', attributes: ['active'] }),
  ]);
  const countOf = (key: string) =>
    Math.max(
      0,
      records.data.filter((c) => unsharded(c.key) === key).reduce((n, c) => n + (c.count ?? 0), 0),
    );
  const [leads, contacts, companies, tasks] = COUNTED_KINDS.map((kind) => countOf(recordCountKey(kind)));
  const apiRequests = requests.data.reduce((sum, c) => sum + (c.count ?? 0), 0);
  return {
    month,
    users: { active: users.data.filter((u) => u.active).length, total: users.data.length },
    records: { leads: leads!, contacts: contacts!, companies: companies!, tasks: tasks! },
    apiRequests,
    estimate: estimateCost(apiRequests),
  };
}
