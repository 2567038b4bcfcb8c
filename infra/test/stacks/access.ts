// The IP allow-list cannot be bypassed: the API has no execute-api endpoint of its own, and
// CloudFront proves its requests with a generated secret header that the API functions can read.
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import type { Synthesized } from '../synth.ts';

export const describeAccess = (synth: () => Synthesized) =>
  describe('IP allow-list: CloudFront is the only way in', () => {
    const api = () => synth().template(synth().stacks.api);
    const web = () => synth().template(synth().stacks.web);

    it('disables the execute-api default endpoint', () => {
      api().hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    });

    it('generates the origin secret in Secrets Manager (no value in the template)', () => {
      api().hasResourceProperties('AWS::SecretsManager::Secret', {
        GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }),
      });
      const secrets = Object.values(api().findResources('AWS::SecretsManager::Secret'));
      expect(secrets).toHaveLength(1);
      expect(secrets[0]!.Properties.SecretString).toBeUndefined();
    });

    it('sets the secret as a custom header on the API origin, resolved at deploy time', () => {
      const [distribution] = Object.values(web().findResources('AWS::CloudFront::Distribution'));
      const origins = distribution!.Properties.DistributionConfig.Origins as Array<{
        CustomOriginConfig?: unknown;
        OriginCustomHeaders?: unknown[];
      }>;
      const apiOrigin = origins.find((o) => o.CustomOriginConfig)!;
      const header = (apiOrigin.OriginCustomHeaders ?? []) as Array<{ HeaderName: string; HeaderValue: unknown }>;
      expect(header.map((h) => h.HeaderName)).toEqual(['x-crm-origin-secret']);
      expect(JSON.stringify(header[0]!.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:/);
    });

    it('gives every token-checked API function the secret ARN and read access to it', () => {
      const functions = Object.values(api().findResources('AWS::Lambda::Function'));
      const withSecret = functions.filter((f) => f.Properties.Environment?.Variables?.ORIGIN_SECRET_ARN);
      // Public functions (health, signup, openapi) need no address.
      expect(withSecret.length).toBeGreaterThan(functions.length / 2);
      const policies = JSON.stringify(api().findResources('AWS::IAM::Policy'));
      expect(policies).toContain('secretsmanager:GetSecretValue');
    });
  });
