// The identity provider port: Cognito (cognito-local on a laptop) holds the passwords,
// the table holds who belongs to which account and with what role.
import { config } from './config.ts';
import { conflict } from './errors.ts';
import { onFirstUse } from './first-use.ts';

/** The Cognito SDK and its client, loaded by the first call: most Lambdas never make one. */
const cognito = onFirstUse(async () => {
  const sdk = await import('@aws-sdk/client-cognito-identity-provider');
  return { sdk, client: new sdk.CognitoIdentityProviderClient({ region: config.region, endpoint: config.cognitoEndpoint }) };
});

export interface NewLogin {
  email: string;
  name: string;
  accountId: string;
  userId: string;
  password?: string;
}

/** Creates the login. With a password it is usable at once; without, Cognito sends an invitation. */
export async function createLogin({ email, name, accountId, userId, password }: NewLogin) {
  const pool = config.userPoolId;
  const { sdk, client } = await cognito();
  try {
    await client.send(
      new sdk.AdminCreateUserCommand({
        UserPoolId: pool,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: name },
          { Name: 'custom:accountId', Value: accountId },
          { Name: 'custom:userId', Value: userId },
        ],
        // With a password the login is ready; without, the invitation goes by e-mail (not SMS).
        ...(password ? { MessageAction: 'SUPPRESS' } : { DesiredDeliveryMediums: ['EMAIL'] }),
      }),
    );
  } catch (err) {
    if (err instanceof sdk.UsernameExistsException || (err as Error).name === 'UsernameExistsException') {
      throw conflict('A user with this e-mail already exists');
    }
    throw err;
  }
  if (password) {
    await client.send(new sdk.AdminSetUserPasswordCommand({ UserPoolId: pool, Username: email, Password: password, Permanent: true }));
  }
}

/** Undoes createLogin when the table write that should follow it fails. */
export async function deleteLogin(email: string) {
  const { sdk, client } = await cognito();
  return client.send(new sdk.AdminDeleteUserCommand({ UserPoolId: config.userPoolId, Username: email }));
}

export async function setLoginEnabled(email: string, enabled: boolean) {
  const { sdk, client } = await cognito();
  return client.send(
    enabled
      ? new sdk.AdminEnableUserCommand({ UserPoolId: config.userPoolId, Username: email })
      : new sdk.AdminDisableUserCommand({ UserPoolId: config.userPoolId, Username: email }),
  );
}
