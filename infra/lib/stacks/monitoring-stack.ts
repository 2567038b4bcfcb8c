// Alarms and one dashboard. Functions and queues are watched by their fixed names, so nothing
// here is a CloudFormation import that would stop another stack from dropping a function.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, type IMetric, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LIVE_SEND_FAILURES } from '../live-socket.ts';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface MonitoringStackProps extends StackProps {
  stage: string;
  api: IHttpApi;
  functionNames: readonly string[];
  queueNames: readonly string[];
  /** Where alarms go by e-mail (context `alarmEmail`); without it, subscribe to the topic by hand. */
  alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

const lambdaMetric = (metricName: string, fn: string, statistic = 'Sum') =>
  new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: fn }, statistic, period: FIVE_MINUTES });

const queueDepth = (queue: string) =>
  new Metric({
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensionsMap: { QueueName: queue },
    statistic: 'Maximum',
    period: FIVE_MINUTES,
  });

export class MonitoringStack extends Stack {
  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const topic = new Topic(this, 'Alarms', { topicName: `crm-${props.stage}-alarms`, enforceSSL: true });
    if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(topic);
    // Any one occurrence is worth a look: the contract says bad input never makes a 5xx, and
    // every DLQ message is an event or reminder that did not arrive.
    const alarm = (id: string, metric: IMetric, description: string) => {
      new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        alarmDescription: description,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    };

    const api5xx = props.api.metricServerError({ period: FIVE_MINUTES });
    alarm('Api5xx', api5xx, 'The HTTP API answered 5xx');
    for (const fn of props.functionNames) {
      alarm(`${fn}-Errors`, lambdaMetric('Errors', fn), `${fn} threw`);
      alarm(`${fn}-Throttles`, lambdaMetric('Throttles', fn), `${fn} was throttled`);
    }
    // Live updates that could not be sent (closed sockets are not failures): live-socket.ts makes the metric.
    alarm('LiveSendFailures', new Metric({ ...LIVE_SEND_FAILURES, statistic: 'Sum', period: FIVE_MINUTES }), 'Live updates failed to send');
    for (const queue of props.queueNames) {
      alarm(`${queue}-Depth`, queueDepth(queue), `${queue} holds failed deliveries`);
    }

    const graph = (title: string, metrics: IMetric[]) => new GraphWidget({ title, left: metrics, width: 12 });
    new Dashboard(this, 'Dashboard', {
      dashboardName: `crm-${props.stage}`,
      widgets: [
        [
          graph('API requests and errors', [
            props.api.metricCount({ period: FIVE_MINUTES }),
            props.api.metricClientError({ period: FIVE_MINUTES }),
            api5xx,
          ]),
          graph('API latency p95 (ms)', [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p95' })]),
        ],
        [
          graph(
            'Lambda errors',
            props.functionNames.map((fn) => lambdaMetric('Errors', fn)),
          ),
          graph(
            'Lambda throttles',
            props.functionNames.map((fn) => lambdaMetric('Throttles', fn)),
          ),
        ],
        [
          graph(
            'Lambda duration p95 (ms)',
            props.functionNames.map((fn) => lambdaMetric('Duration', fn, 'p95')),
          ),
          graph('Dead-letter queue depth', props.queueNames.map(queueDepth)),
        ],
      ],
    });
  }
}
