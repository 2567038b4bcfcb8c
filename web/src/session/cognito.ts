// Cognito's InitiateAuth over its JSON API with fetch: the same call works against AWS and cognito-local.
import { cognitoEndpoint, type AppConfig } from '@/api/config';

export interface CognitoTokens {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

/** A refusal from Cognito, e.g. NotAuthorizedException or UserNotConfirmedException. */
export class CognitoError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'CognitoError';
    this.code = code;
  }
}

type AuthFlow =
  | { flow: 'USER_PASSWORD_AUTH'; params: { USERNAME: string; PASSWORD: string } }
  | { flow: 'REFRESH_TOKEN_AUTH'; params: { REFRESH_TOKEN: string } };

export async function initiateAuth(config: AppConfig, { flow, params }: AuthFlow): Promise<CognitoTokens> {
  let res: Response;
  try {
    res = await fetch(cognitoEndpoint(config), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({ AuthFlow: flow, ClientId: config.userPoolClientId, AuthParameters: params }),
    });
  } catch {
    throw new CognitoError('NetworkError', 'The sign-in service cannot be reached');
  }
  const body = (await res.json().catch(() => ({}))) as {
    AuthenticationResult?: CognitoTokens;
    ChallengeName?: string;
    __type?: string;
    message?: string;
  };
  if (!res.ok) {
    const code = (body.__type ?? 'UnknownError').split('#').pop()!;
    throw new CognitoError(code, body.message ?? `HTTP ${res.status}`);
  }
  if (!body.AuthenticationResult) {
    throw new CognitoError(body.ChallengeName ?? 'UnsupportedChallenge', 'This sign-in needs a step the app does not support');
  }
  return body.AuthenticationResult;
}
