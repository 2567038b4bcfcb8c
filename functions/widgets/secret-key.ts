// The key that seals widgets' secret settings: from Secrets Manager in AWS (CDK sets
// WIDGET_SECRETS_KEY_ARN), from WIDGET_SECRETS_KEY locally (the local runtime generates one
// and keeps it in .data). Read once per instance; the SDK is loaded with it, not at cold start.
import { sealingKey } from '@crm/core';

let key: Promise<Buffer> | undefined;

export function widgetSecretsKey(): Promise<Buffer> {
  const arn = process.env.WIDGET_SECRETS_KEY_ARN;
  const local = process.env.WIDGET_SECRETS_KEY;
  if (!arn) {
    if (!local) return Promise.reject(new Error('WIDGET_SECRETS_KEY_ARN or WIDGET_SECRETS_KEY must be set'));
    return Promise.resolve(sealingKey(local));
  }
  key ??= import('@aws-sdk/client-secrets-manager')
    .then((sdk) => new sdk.SecretsManagerClient({}).send(new sdk.GetSecretValueCommand({ SecretId: arn })))
    .then((r) => {
      if (!r.SecretString) throw new Error('The widget secrets key is empty');
      return sealingKey(r.SecretString);
    })
    .catch((err) => {
      key = undefined; // try again next time
      throw err;
    });
  return key;
}
