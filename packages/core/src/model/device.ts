// "Chrome 131 on Windows 10" from a user agent, parsed by bowser (a kept, MIT parser).
import Bowser from 'bowser';

export const UNKNOWN_DEVICE = 'Unknown device';

export function deviceOf(userAgent: string | undefined): string {
  if (!userAgent) return UNKNOWN_DEVICE;
  const { browser, os, platform } = Bowser.getParser(userAgent).getResult();
  const major = browser.version?.split('.')[0];
  const client = browser.name ? [browser.name, major].filter(Boolean).join(' ') : '';
  const system = [os.name, os.versionName ?? os.version].filter(Boolean).join(' ');
  const kind = platform.type && platform.type !== 'desktop' ? ` (${platform.type})` : '';
  if (!client && !system) return UNKNOWN_DEVICE;
  return `${client || 'Unknown browser'}${system ? ` on ${system}` : ''}${kind}`.slice(0, 120);
}
