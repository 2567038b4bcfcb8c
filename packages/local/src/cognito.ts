// cognito-local (npm, pinned) for the CRM's users and tokens, and the user pool and app client on it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { loginEmail } from '@crm/contract';
import { LOCAL_REGION } from './config.ts';
import { LOCAL_CREDENTIALS } from './dynamodb.ts';
import { assertPortFree, portOrFree } from './ports.ts';
import { startService, waitUntilReady, type ServiceProcess } from './processes.ts';

export interface CognitoLocal {
  endpoint: string;
  port: number;
  /** Token issuer of a pool is `${issuerDomain}/${userPoolId}`. */
  issuerDomain: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

export interface UserPoolIds {
  userPoolId: string;
  userPoolClientId: string;
}

const require = createRequire(import.meta.url);

/** Starts cognito-local with its `.cognito/` database under `dataDir`. */
export async function startCognito(opts: { dataDir: string; port?: number; log?: boolean }): Promise<CognitoLocal> {
  if (opts.port) await assertPortFree(opts.port, 'cognito-local', 'COGNITO_PORT');
  const port = await portOrFree(opts.port);
  const dataDir = resolve(opts.dataDir);
  const issuerDomain = `http://localhost:${port}`;
  // cognito-local reads .cognito/config.json from its cwd; the issuer must name the port we use.
  mkdirSync(join(dataDir, '.cognito', 'db'), { recursive: true });
  writeFileSync(join(dataDir, '.cognito', 'config.json'), JSON.stringify({ TokenConfig: { IssuerDomain: issuerDomain } }, null, 2));

  const bin = join(require.resolve('cognito-local/package.json'), '..', 'lib', 'bin', 'start.js');
  const service = startService('cognito', process.execPath, [bin], {
    cwd: dataDir,
    env: { ...process.env, PORT: String(port), NODE_NO_WARNINGS: '1' },
    log: opts.log,
  });
  const endpoint = `http://localhost:${port}`;
  await waitUntilReady(service, async () => (await fetch(`${endpoint}/health`)).ok);
  return { endpoint, port, issuerDomain, process: service, stop: () => service.stop() };
}

export function cognitoClient(endpoint: string) {
  return new CognitoIdentityProviderClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** Reuses the remembered pool and client when they still exist, else creates the CRM's pool and web client. */
export async function ensureUserPool(endpoint: string, remembered?: Partial<UserPoolIds>): Promise<UserPoolIds> {
  const client = cognitoClient(endpoint);
  try {
    if (remembered?.userPoolId && remembered.userPoolClientId) {
      const ids = remembered as UserPoolIds;
      const found = await Promise.all([
        client.send(new DescribeUserPoolCommand({ UserPoolId: ids.userPoolId })),
        client.send(new DescribeUserPoolClientCommand({ UserPoolId: ids.userPoolId, ClientId: ids.userPoolClientId })),
      ]).then(
        () => true,
        () => false,
      );
      if (found) return ids;
    }
    const pool = await client.send(
      new CreateUserPoolCommand({
        PoolName: 'crm-users',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Policies: { PasswordPolicy: { MinimumLength: 8 } },
        Schema: [
          { Name: 'accountId', AttributeDataType: 'String', Mutable: true },
          { Name: 'userId', AttributeDataType: 'String', Mutable: true },
        ],
      }),
    );
    const userPoolId = pool.UserPool!.Id!;
    const app = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'crm-web',
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 1,
        IdTokenValidity: 1,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      }),
    );
    return { userPoolId, userPoolClientId: app.UserPoolClient!.ClientId! };
  } finally {
    client.destroy();
  }
}

/** Logs a user in as the web app does (USER_PASSWORD_AUTH, the e-mail in its login form) and returns the ID token. */
export async function logIn(endpoint: string, userPoolClientId: string, email: string, password: string): Promise<string> {
  const client = cognitoClient(endpoint);
  try {
    const answer = await client.send(
      new InitiateAuthCommand({
        ClientId: userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: loginEmail(email), PASSWORD: password },
      }),
    );
    const token = answer.AuthenticationResult?.IdToken;
    if (!token) throw new Error(`Cognito answered ${answer.ChallengeName ?? 'no token'} for ${email}`);
    return token;
  } finally {
    client.destroy();
  }
}
