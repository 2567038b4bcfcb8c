// THE list of widgets: every folder of functions/widgets with a manifest.ts and a handler.ts.
// CDK (a rule, a Lambda and a DLQ each), the local bus and the widgets API read it, so a
// folder added is picked up with no other file changed.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** functions/widgets; computed when asked, since a bundled Lambda has no source tree. */
export const widgetsDir = () => fileURLToPath(new URL('.', import.meta.url));

export function widgetFolders(dir = widgetsDir()): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'manifest.ts')) && existsSync(join(dir, d.name, 'handler.ts')))
    .map((d) => d.name)
    .sort();
}
