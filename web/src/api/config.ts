// The deployment's settings, read once from /config.json (written by the local runtime or by CDK).
export interface AppConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint?: string;
  /** The live updates' WebSocket endpoint; without it the app is simply not live. */
  wsUrl?: string;
}

let loaded: Promise<AppConfig> | undefined;

export function loadConfig(): Promise<AppConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' }).then(async (res) => {
    if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
    return (await res.json()) as AppConfig;
  });
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** Where the API is: `apiUrl` (with or without its /api/v1, the typed client takes either), else this origin. */
export const apiOrigin = (config: AppConfig): string => config.apiUrl || window.location.origin;

export function cognitoEndpoint(config: AppConfig): string {
  return config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`;
}
