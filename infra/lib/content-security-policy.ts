// The web app's Content-Security-Policy: its own origin (app, config.json and the API) plus Cognito.
export function contentSecurityPolicy(region: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Components may inject <style> elements; styles cannot run code, scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The app signs in with InitiateAuth against the regional Cognito endpoint.
    // ...and opens the live socket on its WebSocket API (an execute-api host of the same region).
    `connect-src 'self' https://cognito-idp.${region}.amazonaws.com wss://*.execute-api.${region}.amazonaws.com`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
