// Route matching as API Gateway HTTP API does it: `{param}` and `{proxy+}` templates, the most
// specific route wins, and a known path asked with another method is told which methods exist.
import type { RouteDef } from '@crm/contract';
import { setOwn } from './payload.ts';

export type RouteLookup =
  | { kind: 'found'; route: RouteDef; routeKey: string; pathParameters?: Record<string, string> }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'not-found' };

type Segment = { literal: string } | { param: string; greedy: boolean };

interface CompiledRoute {
  route: RouteDef;
  segments: Segment[];
  /** Per segment: 2 literal, 1 parameter, 0 greedy; compared left to right. */
  rank: number[];
}

export function createRouter(routes: readonly RouteDef[]) {
  const compiled = routes.map(compile);
  return function lookup(method: string, rawPath: string): RouteLookup {
    const parts = rawPath.split('/').slice(1);
    const matches = compiled
      .map((c) => ({ c, params: match(c.segments, parts) }))
      .filter((m): m is { c: CompiledRoute; params: Record<string, string> } => m.params !== undefined);
    if (matches.length === 0) return { kind: 'not-found' };
    const forMethod = matches.filter((m) => m.c.route.method === method || (m.c.route.method as string) === 'ANY');
    if (forMethod.length === 0) {
      return { kind: 'wrong-method', allow: [...new Set(matches.map((m) => m.c.route.method))] };
    }
    const best = forMethod.sort((a, b) => compareRank(b.c.rank, a.c.rank))[0];
    const { route } = best.c;
    const hasParams = Object.keys(best.params).length > 0;
    return { kind: 'found', route, routeKey: `${route.method} ${route.path}`, pathParameters: hasParams ? best.params : undefined };
  };
}

function compile(route: RouteDef): CompiledRoute {
  const segments: Segment[] = route.path
    .split('/')
    .slice(1)
    .map((s) => {
      const m = /^\{(\w+)(\+?)\}$/.exec(s);
      return m ? { param: m[1], greedy: m[2] === '+' } : { literal: s };
    });
  const rank = segments.map((s) => ('literal' in s ? 2 : s.greedy ? 0 : 1));
  return { route, segments, rank };
}

function match(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if ('literal' in s) {
      if (i >= parts.length || decode(parts[i]) !== s.literal) return undefined;
    } else if (s.greedy) {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.join('/') === '') return undefined;
      setOwn(params, s.param, decode(rest.join('/')));
      return params;
    } else {
      if (i >= parts.length || parts[i] === '') return undefined;
      setOwn(params, s.param, decode(parts[i]));
    }
  }
  return parts.length === segments.length ? params : undefined;
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
