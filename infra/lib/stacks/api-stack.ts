// The HTTP API: one Lambda per resource of THE route table, every route registered from it.
// No API Gateway authorizer: each handler checks the token itself (aws-jwt-verify middleware),
// so a rejected token is a problem+json answer like every other error.
import { Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpMethod, type HttpRoute, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import type { RouteDef } from '@crm/contract';
import { type ApiResource, apiResources } from '../api-resources.ts';
import { grantCapabilities } from '../capabilities.ts';
import { crmFunction } from '../crm-function.ts';
import { type RuntimeResources, runtimeEnvironment } from '../environment.ts';
import { functionName } from '../naming.ts';
import { handlerEntry } from '../paths.ts';

export interface ApiStackProps extends StackProps {
  stage: string;
  routes: readonly RouteDef[];
  runtime: RuntimeResources;
  /** Requests per second over the whole stage, and the burst above it. */
  throttle: { rateLimit: number; burstLimit: number };
  /** The same, for each public route that writes. */
  publicWriteThrottle: { rateLimit: number; burstLimit: number };
}

export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functionNames: string[] = [];
  /**
   * CloudFront sends it to the API as x-crm-origin-secret; only beside it does a handler believe
   * the viewer-IP header (functions/http/access.ts). Generated at deploy time, never in the repo.
   */
  readonly originSecret: Secret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // No CORS configuration: the web app calls the API through its own CloudFront origin
    // (/api/*), so the browser never makes a cross-origin request and no origin is allowed.
    // No execute-api endpoint: every request comes through CloudFront, so the IP allow-list
    // (judged by the viewer address CloudFront vouches for) cannot be bypassed.
    this.api = new HttpApi(this, 'HttpApi', { apiName: `crm-${props.stage}`, createDefaultStage: false, disableExecuteApiEndpoint: true });
    this.originSecret = new Secret(this, 'OriginSecret', {
      description: `CRM ${props.stage}: the header CloudFront adds to API requests, proving they came through it`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS })),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const environment = runtimeEnvironment(props.runtime);
    for (const resource of apiResources(props.routes)) {
      const fn = this.resourceFunction(props.stage, resource, environment, props.runtime);
      if (!resource.isPublic) {
        fn.addEnvironment('ORIGIN_SECRET_ARN', this.originSecret.secretArn);
        this.originSecret.grantRead(fn);
        if (resource.readOnly) grantRequestCount(fn, props.runtime);
      }
      // One permission for the whole API instead of one per route: the function's resource
      // policy has a 20 KB limit that a long route table would reach.
      const integration = new HttpLambdaIntegration(`${resource.name}Integration`, fn, { scopePermissionToRoute: false });
      for (const route of resource.routes) {
        const [added] = this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
        if (route.public && route.method !== 'GET')
          this.throttleRoute(stage, added!, `${route.method} ${route.path}`, props.publicWriteThrottle);
      }
    }
  }

  /**
   * Public writes (signup, inbound forms and calls) need no token, so they get a tighter limit
   * of their own: a script creating accounts or flooding forms hits it before the stage limit.
   */
  private throttleRoute(stage: HttpStage, route: HttpRoute, routeKey: string, limit: ApiStackProps['throttle']): void {
    const cfn = stage.node.defaultChild as CfnStage;
    cfn.addPropertyOverride(`RouteSettings.${routeKey}`, { ThrottlingRateLimit: limit.rateLimit, ThrottlingBurstLimit: limit.burstLimit });
    // API Gateway rejects settings for a route that does not exist yet.
    stage.node.addDependency(route);
  }

  private resourceFunction(
    stage: string,
    resource: ApiResource,
    environment: Record<string, string>,
    runtime: RuntimeResources,
  ): NodejsFunction {
    const name = functionName(stage, 'api', resource.name);
    this.functionNames.push(name);
    const fn = crmFunction(this, `Fn-${resource.name}`, {
      functionName: name,
      entry: handlerEntry(resource.name),
      description: resource.routes
        .map((r) => `${r.method} ${r.path}`)
        .join(', ')
        .slice(0, 256),
      environment,
    });
    if (resource.readOnly) runtime.table.grantReadData(fn);
    else runtime.table.grantReadWriteData(fn);
    grantCapabilities(fn, `api/${resource.name}`, runtime);
    return fn;
  }
}

/** HTTP API access log line: enough to trace a request to its Lambda log and to see who called. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * Every authenticated request adds one to the account's month counter (Usage), read-only
 * functions too: they get UpdateItem on the table limited to the counter's own attributes,
 * so they still cannot change any record.
 */
function grantRequestCount(fn: NodejsFunction, runtime: RuntimeResources): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['dynamodb:UpdateItem'],
      resources: [runtime.table.tableArn],
      conditions: {
        'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'accountId', 'key', 'count', '__edb_e__', '__edb_v__'] },
      },
    }),
  );
}
