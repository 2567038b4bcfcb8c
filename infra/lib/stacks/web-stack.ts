// The web app's front door: a private bucket behind CloudFront (origin access control), which
// also serves the API under /api/*, so the app and its API share one origin: no CORS, no
// preflight round trip per call, and one address in config.json.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { contentSecurityPolicy } from '../content-security-policy.ts';
import { deployWebApp } from '../web-deployment.ts';

export interface WebStackProps extends StackProps {
  api: IHttpApi;
  /** Sent to the API as x-crm-origin-secret: the proof that a request passed CloudFront. */
  originSecret: ISecret;
  userPool: IUserPool;
  webClient: IUserPoolClient;
  /** The built app (web/dist), or a placeholder before the first build. */
  webDir: string;
  /** The live updates' WebSocket URL (config.json `wsUrl`). */
  wsUrl: string;
}

export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const logs = new Bucket(this, 'Logs', {
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // Only build output lives here: it is deployed again from source at any time.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(this.region), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `CRM ${id}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // CloudFront compresses the app's text files with brotli or gzip, as each browser accepts
        // (CachingOptimized keys the cache by the normalised Accept-Encoding). Uploading the build's
        // .br copies instead would need an edge function to pick one per viewer: one key has one encoding.
        compress: true,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: this.spaFallback() }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(`${props.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            // A CloudFormation dynamic reference: resolved at deploy time, never in the template.
            customHeaders: { 'x-crm-origin-secret': props.originSecret.secretValue.unsafeUnwrap() },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway routes by its own Host name; everything else (Authorization, query) passes.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: this.viewerAddress() }],
        },
      },
    });

    const webUrl = `https://${this.distribution.distributionDomainName}`;
    deployWebApp(this, {
      webDir: props.webDir,
      bucket: this.bucket,
      distribution: this.distribution,
      // The contract's /config.json; the API shares the web origin, so apiUrl is that origin.
      config: {
        apiUrl: webUrl,
        region: this.region,
        userPoolId: props.userPool.userPoolId,
        userPoolClientId: props.webClient.userPoolClientId,
        wsUrl: props.wsUrl,
      },
    });
    new CfnOutput(this, 'WebUrl', { value: webUrl });
  }

  /**
   * Client-side routes (/leads/42) get index.html. Done per request instead of with distribution-wide
   * error responses, which would also turn the API's 403/404 problem+json into index.html.
   */
  private spaFallback(): CloudFrontFunction {
    return new CloudFrontFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(`function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`),
    });
  }

  /**
   * Behind CloudFront, API Gateway sees an edge address as the source IP. The viewer's address
   * goes in x-crm-viewer-ip (overwriting whatever the client sent) for the IP allow-list and
   * the login history.
   */
  private viewerAddress(): CloudFrontFunction {
    return new CloudFrontFunction(this, 'ViewerAddress', {
      code: FunctionCode.fromInline(`function handler(event) {
  event.request.headers['x-crm-viewer-ip'] = { value: event.viewer.ip };
  return event.request;
}`),
    });
  }
}
