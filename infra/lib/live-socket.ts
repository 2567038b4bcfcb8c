// Live updates in AWS: the WebSocket API (routes chosen by the message's `action`), its one
// Lambda (functions/live/socket.ts: $connect checks the ID token like the HTTP API, $disconnect,
// presence, and $default for pings), and an alarm when the fan-out's sends fail. The fan-out
// consumer itself is an ordinary rule (consumers/rules.ts, `live-updates`) given the endpoint.
import { Duration } from 'aws-cdk-lib';
import { WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { crmFunction } from './crm-function.ts';
import { type RuntimeResources, runtimeEnvironment } from './environment.ts';
import { functionName } from './naming.ts';
import { REPO_ROOT } from './paths.ts';

export const LIVE_STAGE = 'live';
/** The metric the fan-out's `live sends failed` log lines feed. */
export const LIVE_SEND_FAILURES = { namespace: 'crm', metricName: 'LiveSendFailures' };

export interface LiveSocketProps {
  stage: string;
  runtime: RuntimeResources;
}

export class LiveSocket extends Construct {
  readonly api: WebSocketApi;
  readonly webSocketStage: WebSocketStage;
  readonly socketFunction: IFunction;
  /** The socket Lambda's name, for the monitoring stack (which finds functions by name). */
  readonly socketFunctionName: string;
  /** config.json `wsUrl`. */
  readonly wsUrl: string;
  /** The Management API endpoint (PostToConnection). */
  readonly managementEndpoint: string;

  constructor(scope: Construct, id: string, props: LiveSocketProps) {
    super(scope, id);
    this.api = new WebSocketApi(this, 'Api', {
      apiName: `crm-${props.stage}-live`,
      routeSelectionExpression: '$request.body.action',
    });
    this.webSocketStage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: LIVE_STAGE,
      autoDeploy: true,
      // A tab sends a ping every 5 minutes and presence on opening a card: far below these.
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    this.managementEndpoint = this.webSocketStage.callbackUrl;
    this.wsUrl = this.webSocketStage.url;

    this.socketFunctionName = functionName(props.stage, 'live', 'socket');
    const fn = crmFunction(this, 'Socket', {
      functionName: this.socketFunctionName,
      entry: join(REPO_ROOT, 'functions', 'live', 'socket.ts'),
      environment: { ...runtimeEnvironment(props.runtime), LIVE_MANAGEMENT_ENDPOINT: this.managementEndpoint },
      timeout: Duration.seconds(10),
    });
    this.socketFunction = fn;
    props.runtime.table.grantReadWriteData(fn);
    this.webSocketStage.grantManagementApiAccess(fn);
    const integration = new WebSocketLambdaIntegration('Socket', fn);
    // $connect has no API Gateway authorizer: the Lambda verifies the token exactly as the HTTP API does.
    this.api.addRoute('$connect', { integration });
    this.api.addRoute('$disconnect', { integration });
    this.api.addRoute('$default', { integration });
    this.api.addRoute('presence', { integration });
  }

  /** Lets the fan-out consumer send and tells it where; its failed sends become a metric (alarmed in the monitoring stack). */
  attachFanOut(fn: IFunction & { addEnvironment(key: string, value: string): unknown }, logGroup: ILogGroup) {
    fn.addEnvironment('LIVE_MANAGEMENT_ENDPOINT', this.managementEndpoint);
    this.webSocketStage.grantManagementApiAccess(fn);
    new MetricFilter(this, 'SendFailures', {
      logGroup,
      filterPattern: FilterPattern.exists('$.liveSendFailures'),
      metricNamespace: LIVE_SEND_FAILURES.namespace,
      metricName: LIVE_SEND_FAILURES.metricName,
      metricValue: '$.liveSendFailures',
    });
  }
}
