// Behind CloudFront the viewer's address is believed only beside the origin secret CloudFront
// adds; Secrets Manager is stubbed (no connection is made).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const SECRET = 'origin-secret-0123456789abcdefghijklmnopqrstuv';
const send = vi.fn(async () => ({ SecretString: SECRET }));
vi.mock('@aws-sdk/client-secrets-manager', () => ({
  SecretsManagerClient: class {
    send = send;
  },
  GetSecretValueCommand: class {
    constructor(readonly input: unknown) {}
  },
}));

const { clientIp } = await import('../http/access.ts');

const event = (headers: Record<string, string>): APIGatewayProxyEventV2 =>
  ({ headers, requestContext: { http: { sourceIp: '130.176.1.1' } } }) as unknown as APIGatewayProxyEventV2;

describe('the client address behind CloudFront', () => {
  beforeAll(() => {
    process.env.ORIGIN_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:OriginSecret';
  });
  afterAll(() => {
    delete process.env.ORIGIN_SECRET_ARN;
  });

  it('takes the viewer header when the origin secret matches, reading the secret once', async () => {
    const headers = { 'x-crm-viewer-ip': '203.0.113.7', 'x-crm-origin-secret': SECRET };
    expect(await clientIp(event(headers))).toBe('203.0.113.7');
    expect(await clientIp(event({ ...headers, 'x-crm-viewer-ip': '2001:db8::1' }))).toBe('2001:db8::1');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('keeps the connection address without the secret, or with a wrong one', async () => {
    expect(await clientIp(event({ 'x-crm-viewer-ip': '203.0.113.7' }))).toBe('130.176.1.1');
    expect(await clientIp(event({ 'x-crm-viewer-ip': '203.0.113.7', 'x-crm-origin-secret': 'guess' }))).toBe('130.176.1.1');
    expect(await clientIp(event({ 'x-crm-viewer-ip': '203.0.113.7', 'x-crm-origin-secret': SECRET.replace('0', '1') }))).toBe(
      '130.176.1.1',
    );
    expect(await clientIp(event({}))).toBe('130.176.1.1');
  });
});
