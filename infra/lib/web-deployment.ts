// Puts the built web app and its config.json into the site bucket. Vite's hashed files under
// assets/ are cached for a year; index.html and config.json are revalidated on every load, so a
// deploy shows at once (and the distribution is invalidated as well). The build's .br/.gz copies
// stay behind: S3 holds one Content-Encoding per key, so CloudFront compresses instead (web-stack.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export interface WebConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** Live updates (the WebSocket API's stage URL). */
  wsUrl?: string;
}

/** The brotli and gzip copies web/vite.config.ts writes for the local server. */
export const COMPRESSED_COPIES = ['*.br', '*.gz'];

export function deployWebApp(
  scope: Construct,
  props: { webDir: string; bucket: IBucket; distribution: IDistribution; config: WebConfig },
): void {
  const assetsDir = join(props.webDir, 'assets');
  const assets = existsSync(assetsDir)
    ? new BucketDeployment(scope, 'DeployAssets', {
        sources: [Source.asset(assetsDir, { exclude: COMPRESSED_COPIES })],
        destinationBucket: props.bucket,
        destinationKeyPrefix: 'assets/',
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
        // Tabs still running the previous index.html keep loading their old chunks.
        prune: false,
        memoryLimit: 512,
      })
    : undefined;
  const site = new BucketDeployment(scope, 'DeploySite', {
    // .vite holds Vite's build manifest: not for browsers.
    sources: [
      Source.asset(props.webDir, { exclude: ['assets', '.vite', ...COMPRESSED_COPIES] }),
      Source.jsonData('config.json', props.config),
    ],
    destinationBucket: props.bucket,
    exclude: ['assets/*'],
    cacheControl: [CacheControl.noCache()],
    distribution: props.distribution,
    distributionPaths: ['/*'],
    memoryLimit: 512,
  });
  // index.html must never point at chunks that are not there yet.
  if (assets) site.node.addDependency(assets);
}
