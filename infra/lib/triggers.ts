// Finds Cognito trigger entries: functions/triggers/<operation>.ts, e.g. post-authentication.ts
// for the login history. The file name is the operation, so adding a trigger needs no infra change.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserPoolOperation } from 'aws-cdk-lib/aws-cognito';

export interface UserPoolTrigger {
  name: string;
  entry: string;
  operation: UserPoolOperation;
}

const KNOWN = new Map(
  Object.values(UserPoolOperation)
    .filter((v): v is UserPoolOperation => v instanceof UserPoolOperation)
    .map((op) => [op.operationName, op]),
);

const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function userPoolTriggers(dir: string): UserPoolTrigger[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => {
      const name = file.slice(0, -'.ts'.length);
      const operation = KNOWN.get(camel(name));
      if (!operation) throw new Error(`functions/triggers/${file} is not named after a Cognito trigger`);
      return { name, entry: join(dir, file), operation };
    });
}
