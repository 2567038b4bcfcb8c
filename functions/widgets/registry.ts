// The widgets at run time. In a Lambda, WIDGETS (set by CDK from discover.ts) names them and
// esbuild bundles every `./<name>/manifest.ts` and `handler.ts` matched by the imports below;
// locally the folders are listed as they are now. A widget's own Lambda does not import this
// module (its handler uses consume.ts): the imports below would bundle every widget into it.
import type { WidgetSpec } from '@crm/core';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { widgetFolders, widgetsDir } from './discover.ts';
import { secretFields, type WidgetManifest, type WidgetModule } from './widget.ts';

export interface LoadedWidget {
  manifest: WidgetManifest;
  module: WidgetModule;
}

export const widgetNames = (): string[] =>
  process.env.WIDGETS !== undefined ? process.env.WIDGETS.split(',').filter(Boolean) : widgetFolders();

/**
 * Locally (no WIDGETS), a widget is read from its folder as it is now: a folder added while the
 * runtime or a test run is up is found, which a bundler's list of the folders at build time
 * (esbuild's in a Lambda, vite's in tests) would miss.
 */
function fromFolder(name: string, file: string) {
  if (process.env.WIDGETS !== undefined) return undefined;
  return import(/* @vite-ignore */ pathToFileURL(join(widgetsDir(), name, file)).href);
}

export async function loadWidget(name: string): Promise<LoadedWidget | null> {
  if (!widgetNames().includes(name)) return null;
  const [{ manifest }, module] = await Promise.all([
    fromFolder(name, 'manifest.ts') ?? (import(`./${name}/manifest.ts`) as Promise<{ manifest: WidgetManifest }>),
    fromFolder(name, 'handler.ts') ?? (import(`./${name}/handler.ts`) as Promise<WidgetModule>),
  ]);
  return { manifest, module };
}

export const loadWidgets = async () => (await Promise.all(widgetNames().map(loadWidget))).filter((w) => w !== null);

/** What core's widget service needs of a manifest. */
export function specOf(manifest: WidgetManifest, parse: (settings: Record<string, unknown>) => Record<string, unknown>): WidgetSpec {
  return { name: manifest.name, secretFields: secretFields(manifest), parseSettings: parse };
}
