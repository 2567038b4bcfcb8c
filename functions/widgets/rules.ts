// Each widget as a bus rule: its manifest's events -> its handler.ts, for CDK (a rule, a Lambda
// and a DLQ each) and for the local bus. Read synchronously (tsx's require), since a CDK app
// is built synchronously.
import { join } from 'node:path';
import { require as tsxRequire } from 'tsx/cjs/api';
import { EVENT_SOURCE, type ConsumerPattern } from '../consumers/rules.ts';
import { widgetFolders, widgetsDir } from './discover.ts';
import type { WidgetManifest } from './widget.ts';

export interface WidgetRule {
  /** kebab-case: names the rule, its Lambda and its DLQ. */
  name: `widget-${string}`;
  widget: string;
  /** The Lambda's entry: the widget's handler.ts. */
  entry: string;
  pattern: ConsumerPattern;
}

export function readManifest(name: string, dir = widgetsDir()): WidgetManifest {
  const file = join(dir, name, 'manifest.ts');
  const { manifest } = tsxRequire(file, import.meta.url) as { manifest?: WidgetManifest };
  if (!manifest || manifest.name !== name) throw new Error(`${file} must export a manifest named "${name}" (its folder's name)`);
  return manifest;
}

/** The widgets that subscribe to events; one without events is only actions and inbound endpoints. */
export function widgetRules(dir = widgetsDir()): WidgetRule[] {
  return widgetFolders(dir).flatMap((name) => {
    const manifest = readManifest(name, dir);
    if (manifest.events.length === 0) return [];
    return [
      {
        name: `widget-${name}` as const,
        widget: name,
        entry: join(dir, name, 'handler.ts'),
        pattern: { source: [EVENT_SOURCE], 'detail-type': [...manifest.events] },
      },
    ];
  });
}
