// The web stack: the site bucket is private and reachable only through CloudFront's OAC; the
// distribution sends security headers, serves the API under /api/*, and falls back to the SPA
// without rewriting the API's error answers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import type { Synthesized } from '../synth.ts';

type Statement = { Effect: string; Principal?: unknown; Condition?: unknown };

export const describeWeb = (synth: () => Synthesized) =>
  describe('Stack: web', () => {
    const web = () => synth().template(synth().stacks.web);

    it('blocks all public access to every bucket', () => {
      web().allResourcesProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
      for (const bucket of Object.values(web().findResources('AWS::S3::Bucket'))) {
        expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
      }
    });

    it('allows reads of the site bucket only to this distribution', () => {
      for (const policy of Object.values(web().findResources('AWS::S3::BucketPolicy'))) {
        for (const s of policy.Properties.PolicyDocument.Statement as Statement[]) {
          if (s.Effect !== 'Allow') continue;
          expect(JSON.stringify(s.Principal)).not.toMatch(/"\*"/);
          if (JSON.stringify(s.Principal).includes('cloudfront')) expect(JSON.stringify(s.Condition)).toContain('AWS:SourceArn');
        }
      }
      web().resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    });

    it('sends CSP, HSTS and frame options', () => {
      web().hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
        ResponseHeadersPolicyConfig: {
          SecurityHeadersConfig: Match.objectLike({
            ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
            StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: Match.anyValue() }),
            FrameOptions: { FrameOption: 'DENY', Override: true },
          }),
        },
      });
    });

    it('serves the API under /api/* uncached, and has no distribution-wide error pages', () => {
      const [distribution] = Object.values(web().findResources('AWS::CloudFront::Distribution'));
      const config = distribution!.Properties.DistributionConfig;
      expect(config.CustomErrorResponses).toBeUndefined();
      expect(config.CacheBehaviors).toEqual([
        expect.objectContaining({
          PathPattern: '/api/*',
          AllowedMethods: expect.arrayContaining(['POST', 'PATCH', 'DELETE']),
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
        }),
      ]);
    });

    it("deploys config.json from the stacks' outputs, revalidated on every load", () => {
      const deployments = Object.values(web().findResources('Custom::CDKBucketDeployment'));
      const site = deployments.find((d) => d.Properties.SystemMetadata['cache-control'] === 'no-cache');
      const configDir = (site!.Properties.SourceObjectKeys as string[])
        .map((key) => join(synth().assembly.directory, `asset.${key.replace(/\.zip$/, '')}`))
        .find((dir) => existsSync(join(dir, 'config.json')));
      const config = JSON.parse(readFileSync(join(configDir!, 'config.json'), 'utf8'));
      expect(Object.keys(config).sort()).toEqual(['apiUrl', 'region', 'userPoolClientId', 'userPoolId', 'wsUrl']);
      expect(site!.Properties.DistributionPaths).toEqual(['/*']);
    });

    it('compresses the app at the edge, caches hashed assets for a year and uploads no .br/.gz copies', () => {
      const [distribution] = Object.values(web().findResources('AWS::CloudFront::Distribution'));
      const behavior = distribution!.Properties.DistributionConfig.DefaultCacheBehavior;
      expect(behavior.Compress).toBe(true);
      expect(behavior.CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6'); // Managed-CachingOptimized: gzip and br
      const deployments = Object.values(web().findResources('Custom::CDKBucketDeployment'));
      const assets = deployments.find((d) => d.Properties.DestinationBucketKeyPrefix === 'assets/');
      if (!assets) return; // no web/dist built: nothing to upload
      expect(assets.Properties.SystemMetadata['cache-control']).toBe('public, max-age=31536000, immutable');
      const staged = deployments.flatMap((d) =>
        (d.Properties.SourceObjectKeys as string[]).map((key) => join(synth().assembly.directory, `asset.${key.replace(/\.zip$/, '')}`)),
      );
      const files = staged.filter((dir) => existsSync(dir)).flatMap((dir) => readdirSync(dir, { recursive: true }) as string[]);
      expect(files.some((f) => f.endsWith('.js'))).toBe(true);
      expect(files.filter((f) => /\.(br|gz)$/.test(f))).toEqual([]);
    });
  });
