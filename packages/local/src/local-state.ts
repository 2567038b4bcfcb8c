// What the local runtime remembers between starts (.data/local.json): pool ids and the demo login.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_DATA_DIR = join(REPO_ROOT, '.data');

export interface DemoLogin {
  email: string;
  password: string;
  accountId?: string;
  userId?: string;
  leadsSeeded?: boolean;
}

export interface LocalState {
  userPoolId?: string;
  userPoolClientId?: string;
  demo?: DemoLogin;
  /** Seals widgets' secret settings (Secrets Manager holds it in AWS); made on the first start. */
  widgetSecretsKey?: string;
}

const file = (dataDir: string) => join(dataDir, 'local.json');

export function readState(dataDir: string): LocalState {
  const path = file(dataDir);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LocalState;
  } catch {
    return {};
  }
}

export function updateState(dataDir: string, patch: Partial<LocalState>): LocalState {
  const next = { ...readState(dataDir), ...patch };
  mkdirSync(dirname(file(dataDir)), { recursive: true });
  writeFileSync(file(dataDir), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
