// The signed-in user's tokens: kept in localStorage, refreshed before the ID token expires,
// observable by React through subscribe/getSession (useSyncExternalStore).
import { api } from '@/api/client';
import { loadConfig } from '@/api/config';
import { initiateAuth, type CognitoTokens } from './cognito';

export interface Session {
  email: string;
  idToken: string;
  refreshToken: string;
  /** Epoch ms when the ID token stops being accepted. */
  expiresAt: number;
}

const STORAGE_KEY = 'crm.session';
const REFRESH_MARGIN_MS = 60_000;

let current: Session | null = readStoredSession();
let refreshing: Promise<Session | null> | null = null;
const listeners = new Set<() => void>();

function readStoredSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function setSession(next: Session | null): void {
  current = next;
  if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((notify) => notify());
}

export const getSession = () => current;

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token's own `exp` is the truth; ExpiresIn is the fallback. */
function expiryOf(tokens: CognitoTokens): number {
  try {
    const payload = JSON.parse(atob(tokens.IdToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    if (payload.exp) return payload.exp * 1000;
  } catch {
    // not a JWT we can read: fall back to ExpiresIn
  }
  return Date.now() + tokens.ExpiresIn * 1000;
}

export async function signIn(email: string, password: string): Promise<void> {
  const config = await loadConfig();
  const tokens = await initiateAuth(config, { flow: 'USER_PASSWORD_AUTH', params: { USERNAME: email, PASSWORD: password } });
  setSession({ email, idToken: tokens.IdToken, refreshToken: tokens.RefreshToken ?? '', expiresAt: expiryOf(tokens) });
  // The login history's record of this sign-in (its token's auth_time makes a repeat harmless);
  // a refusal (e.g. the IP allow-list) shows on the first page's own request instead.
  void api.sessions.create().catch(() => undefined);
}

export function signOut(): void {
  setSession(null);
}

async function refresh(session: Session): Promise<Session | null> {
  try {
    const config = await loadConfig();
    const tokens = await initiateAuth(config, { flow: 'REFRESH_TOKEN_AUTH', params: { REFRESH_TOKEN: session.refreshToken } });
    const next = {
      ...session,
      idToken: tokens.IdToken,
      refreshToken: tokens.RefreshToken ?? session.refreshToken,
      expiresAt: expiryOf(tokens),
    };
    setSession(next);
    return next;
  } catch {
    setSession(null);
    return null;
  }
}

/** A current ID token, refreshed when it is about to expire (or when `force`d after a 401). */
export async function getIdToken(force = false): Promise<string | null> {
  const session = current;
  if (!session) return null;
  if (!force && session.expiresAt - REFRESH_MARGIN_MS > Date.now()) return session.idToken;
  if (!session.refreshToken) {
    setSession(null);
    return null;
  }
  refreshing ??= refresh(session).finally(() => (refreshing = null));
  return (await refreshing)?.idToken ?? null;
}
