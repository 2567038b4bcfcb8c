// What the widgets' API Lambdas share: the API's public base for callbacks, and a failed
// service told as a 502.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { HttpProblem } from '../http/problem.ts';
import { ServiceFailed } from './http.ts';

/** The public base of this API as the caller reached it, for callbacks a service is told to call. */
export function publicApiUrl(event: APIGatewayProxyEventV2): string {
  if (process.env.PUBLIC_API_URL) return process.env.PUBLIC_API_URL;
  const proto = event.headers['x-forwarded-proto'] ?? 'https';
  return `${proto}://${event.headers.host ?? event.requestContext.domainName}/api/v1`;
}

/** A widget's service that failed is the gateway's failure, not the client's: 502 with what it said. */
export async function reachingService<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ServiceFailed) throw new HttpProblem(502, err.message);
    throw err;
  }
}
