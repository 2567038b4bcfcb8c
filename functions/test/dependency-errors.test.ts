// Which errors of AWS dependencies are a 503 with Retry-After (issue 9, item 21): the throttles and
// service faults that DynamoDB Local cannot be made to produce, as the SDK and ElectroDB raise them.
import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { InternalErrorException, TooManyRequestsException, UsernameExistsException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { problemFor } from '../http/problem.ts';

const meta = { message: 'from the test', $metadata: {} };
/** ElectroDB puts the SDK's error in `cause`. */
const wrapped = (cause: Error) => Object.assign(new Error('Error thrown by DynamoDB client'), { cause });
/** An error the SDK made of a 5xx answer it has no class for. */
const serverFault = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $fault: 'server', $metadata: { httpStatusCode: status } });
const cancelled = (code: string) => new TransactionCanceledException({ ...meta, CancellationReasons: [{ Code: 'None' }, { Code: code }] });
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });

describe('problemFor', () => {
  it.each([
    ['ProvisionedThroughputExceeded', new ProvisionedThroughputExceededException(meta)],
    ['ThrottlingException', new ThrottlingException(meta)],
    ['RequestLimitExceeded', new RequestLimitExceeded(meta)],
    ['InternalServerError', new InternalServerError(meta)],
    ['ServiceUnavailable', serverFault('ServiceUnavailable', 503)],
    ['a throttled item of a transaction', cancelled('ThrottlingError')],
    ['a refused connection', refused()],
    ['a refused connection inside ElectroDB', wrapped(refused())],
    ['a throttle inside ElectroDB', wrapped(new ProvisionedThroughputExceededException(meta))],
    ['Cognito throttling', new TooManyRequestsException(meta)],
    ['Cognito failing', new InternalErrorException(meta)],
  ])('answers %s with a 503 and Retry-After', (_, err) => {
    const answer = problemFor(err)!;
    expect(answer.statusCode).toBe(503);
    expect(answer.headers).toMatchObject({ 'content-type': 'application/problem+json', 'retry-after': expect.stringMatching(/^\d+$/) });
  });

  it.each([
    ['a failed condition', new ConditionalCheckFailedException(meta)],
    ['an existing login', new UsernameExistsException(meta)],
    ['a bug', new TypeError('x is undefined')],
  ])('leaves %s to its own answer', (_, err) => {
    expect(problemFor(err)?.statusCode).not.toBe(503);
  });
});
