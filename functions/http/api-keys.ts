// API keys at the door: a `crm_` bearer is an API key, not an ID token (auth.ts dispatches
// here), and a key may call only the operations its scopes name (contract scopes.ts).
import type { OperationId } from '@crm/contract';
import { API_KEY_PREFIX, OPERATION_SCOPES } from '@crm/contract/scopes';
import { callerOfApiKey, forbidden, type Caller } from '@crm/core';

export const isApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);

export const authenticateApiKey = (key: string): Promise<Caller> => callerOfApiKey(key);

/** A 403 unless the caller is a person, or a key holding the scope this operation needs. */
export function requireScope(caller: Caller, operation: OperationId) {
  if (!caller.scopes) return;
  const scope = OPERATION_SCOPES[operation];
  if (!scope) throw forbidden('API keys cannot call this operation');
  if (!caller.scopes.includes(scope)) throw forbidden(`This API key lacks the ${scope} scope`);
}
