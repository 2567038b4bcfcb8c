// The identity provider port: Cognito (cognito-local on a laptop) holds the passwords,
// the table holds who belongs to which account and with what role.
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { config } from './config.ts';
import { conflict } from './errors.ts';

const cognito = new CognitoIdentityProviderClient({ region: config.region, endpoint: config.cognitoEndpoint });

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
  try {
    await cognito.send(
      new AdminCreateUserCommand({
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
    if (err instanceof UsernameExistsException || (err as Error).name === 'UsernameExistsException') {
      throw conflict('A user with this e-mail already exists');
    }
    throw err;
  }
  if (password) {
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: email, Password: password, Permanent: true }));
  }
}

/** Undoes createLogin when the table write that should follow it fails. */
export const deleteLogin = (email: string) => cognito.send(new AdminDeleteUserCommand({ UserPoolId: config.userPoolId, Username: email }));

export const setLoginEnabled = (email: string, enabled: boolean) =>
  cognito.send(
    enabled
      ? new AdminEnableUserCommand({ UserPoolId: config.userPoolId, Username: email })
      : new AdminDisableUserCommand({ UserPoolId: config.userPoolId, Username: email }),
  );
