// What cognito-local puts in its tokens: the handlers take the tenant from custom:accountId.
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { cognitoClient } from '../src/cognito.ts';
import { testEnv } from '../src/testing.ts';

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

it('an ID token carries custom:accountId and custom:userId, issued for the pool and client', async () => {
  const env = testEnv();
  const client = cognitoClient(env.COGNITO_ENDPOINT);
  const email = `token-${randomUUID()}@example.com`;
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId: env.USER_POOL_ID,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:accountId', Value: 'acc-1' },
        { Name: 'custom:userId', Value: 'usr-1' },
      ],
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({ UserPoolId: env.USER_POOL_ID, Username: email, Password: 'Token-pass-1', Permanent: true }),
  );
  const auth = await client.send(
    new InitiateAuthCommand({
      ClientId: env.USER_POOL_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: 'Token-pass-1' },
    }),
  );
  client.destroy();

  const id = claims(auth.AuthenticationResult!.IdToken!);
  expect(id).toMatchObject({
    'custom:accountId': 'acc-1',
    'custom:userId': 'usr-1',
    token_use: 'id',
    email,
    aud: env.USER_POOL_CLIENT_ID,
    iss: env.JWT_ISSUER,
    sub: expect.any(String),
  });
  expect(Number(id.exp) - Number(id.iat)).toBe(3600);
  // Differences from AWS the handlers must not rely on: the username is the e-mail (AWS: a UUID).
  expect(id['cognito:username']).toBe(email);
  const access = claims(auth.AuthenticationResult!.AccessToken!);
  expect(access['custom:accountId']).toBeUndefined();
  expect(access.client_id).toBe(env.USER_POOL_CLIENT_ID);

  const jwks = await (await fetch(env.JWKS_URI)).json();
  expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: 'CognitoLocal' });
});
