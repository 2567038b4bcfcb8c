// The api stack against THE route table and the API contract: one function per resource entry,
// exactly the table's routes, the token check on every non-public route, the contract's public routes.
import { describe, expect, it } from 'vitest';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { existsSync } from 'node:fs';
import type { RouteDef } from '@crm/contract';
import { routes as routeTable } from '@crm/functions/routes';
import { apiResources } from '../../lib/api-resources.ts';
import { functionName } from '../../lib/naming.ts';
import { handlerEntry } from '../../lib/paths.ts';
import type { Synthesized } from '../synth.ts';

const routes: readonly RouteDef[] = routeTable;

/** API-CONTRACT.md, "Auth": the only routes without a token. */
const CONTRACT_PUBLIC = [
  'GET /api/v1/health',
  'POST /api/v1/signup',
  'POST /api/v1/inbound/forms/{formKey}',
  'POST /api/v1/inbound/calls/{callKey}',
  'GET /api/v1/openapi.json',
];
const TOKEN_ENV = ['JWT_ISSUER', 'JWKS_URI', 'USER_POOL_CLIENT_ID'];
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

type Resource = { Type: string; Properties: Record<string, any> };

/** Route key -> the Lambda function resource its integration invokes, read from the template. */
function functionsByRoute(api: Template): Map<string, Resource> {
  const resources = api.toJSON().Resources as Record<string, Resource>;
  const result = new Map<string, Resource>();
  for (const route of Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')) {
    const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
    const functionId = resources[integrationId]!.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
    result.set(route.Properties.RouteKey, resources[functionId]!);
  }
  return result;
}

export const describeApi = (synth: () => Synthesized) =>
  describe('Stack: api', () => {
    const api = () => synth().template(synth().stacks.api);
    it('has an entry file for every resource of the route table', () => {
      const resources = [...new Set(routes.map((r) => r.resource))];
      expect(resources.length).toBeGreaterThan(0);
      expect(resources.filter((r) => !existsSync(handlerEntry(r)))).toEqual([]);
    });

    it('registers exactly the routes of routes.ts', () => {
      const registered = Object.values(api().findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string);
      expect(registered.sort()).toEqual(routes.map(key).sort());
    });

    it('builds one function per resource entry, named after it', () => {
      const names = Object.values(api().findResources('AWS::Lambda::Function')).map((f) => f.Properties.FunctionName);
      const resources = apiResources(routes).map((r) => functionName('test', 'api', r.name));
      expect(names.sort()).toEqual(resources.sort());
      api().allResourcesProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    });

    it('integrates every non-public route with a function configured for the token check', () => {
      const publicKeys = new Set(routes.filter((r) => r.public).map(key));
      for (const [routeKey, fn] of functionsByRoute(api())) {
        if (publicKeys.has(routeKey)) continue;
        const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
        for (const name of TOKEN_ENV) expect(variables[name], `${routeKey}: ${name}`).toBeDefined();
        expect(JSON.stringify(variables.JWKS_URI)).toContain('/.well-known/jwks.json');
        expect(JSON.stringify(variables.JWT_ISSUER)).toContain('https://cognito-idp.');
      }
      // No API Gateway authorizer stands in for, or in front of, the handlers' own check.
      api().resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    });

    it('gives public routes functions that serve only public routes', () => {
      const publicKeys = new Set(routes.filter((r) => r.public).map(key));
      const routesOfFunction = new Map<Resource, string[]>();
      for (const [routeKey, fn] of functionsByRoute(api())) routesOfFunction.set(fn, [...(routesOfFunction.get(fn) ?? []), routeKey]);
      for (const keys of routesOfFunction.values()) {
        const publicCount = keys.filter((k) => publicKeys.has(k)).length;
        expect([0, keys.length], keys.join(', ')).toContain(publicCount);
      }
    });

    it("makes public exactly the contract's public routes that routes.ts has", () => {
      const tableKeys = new Set(routes.map(key));
      const publicInTable = routes
        .filter((r) => 'public' in r && r.public)
        .map(key)
        .sort();
      // The contract's list, and the public side of forms and widgets, which it puts under /api/v1/inbound/.
      const contractPublic = (k: string) => CONTRACT_PUBLIC.includes(k) || k.split(' ')[1]!.startsWith('/api/v1/inbound/');
      expect(publicInTable).toEqual([...tableKeys].filter(contractPublic).sort());
    });

    it('refuses a resource that mixes public and token-checked routes', () => {
      expect(() =>
        apiResources([
          { method: 'GET', path: '/a', resource: 'mixed', public: true },
          { method: 'POST', path: '/a', resource: 'mixed' },
        ]),
      ).toThrow(/mixes public/);
    });

    it('throttles the stage (public writes tighter) and writes access logs, without CORS', () => {
      api().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      });
      const [stage] = Object.values(api().findResources('AWS::ApiGatewayV2::Stage'));
      const publicWrites = routes.filter((r) => r.public && r.method !== 'GET').map(key);
      expect(Object.keys(stage!.Properties.RouteSettings ?? {}).sort()).toEqual(publicWrites.sort());
      const [httpApi] = Object.values(api().findResources('AWS::ApiGatewayV2::Api'));
      expect(httpApi!.Properties.CorsConfiguration).toBeUndefined();
    });
  });
