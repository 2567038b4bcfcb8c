// Groups THE route table (functions/routes.ts) into resources: one Lambda each, with the rules
// the api stack relies on checked here, so a bad table fails at synth instead of in AWS.
import type { RouteDef } from '@crm/contract';

export interface ApiResource {
  name: string;
  routes: RouteDef[];
  /** Only GET routes: the function gets read-only table access. */
  readOnly: boolean;
  /** Only public routes. A resource never mixes public and token-checked routes. */
  isPublic: boolean;
}

export function apiResources(routes: readonly RouteDef[]): ApiResource[] {
  const byName = new Map<string, RouteDef[]>();
  const keys = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (keys.has(key)) throw new Error(`route ${key} is listed twice`);
    keys.add(key);
    if (!/^[a-z][a-z0-9-]*$/.test(route.resource)) throw new Error(`resource name ${route.resource} is not kebab-case`);
    byName.set(route.resource, [...(byName.get(route.resource) ?? []), route]);
  }
  return [...byName].map(([name, list]) => {
    const publicCount = list.filter((r) => r.public === true).length;
    // The token check lives in the handler's middleware, per function: mixing would make the
    // function decide per route, which the infrastructure could no longer vouch for.
    if (publicCount !== 0 && publicCount !== list.length) {
      throw new Error(`resource ${name} mixes public and token-checked routes; split it`);
    }
    return { name, routes: list, readOnly: list.every((r) => r.method === 'GET'), isPublic: publicCount > 0 };
  });
}
