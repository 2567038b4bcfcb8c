// The outbox's way out: table stream -> Pipe (filtered to event-log items, enriched into
// envelopes) -> the `crm` bus -> consumer rules. Plus the Scheduler group and role for reminders.
import { Annotations, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type EventPattern, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { EVENT_LOG_INSERTS } from '@crm/functions/consumers/pipe-enrich';
import { type ConsumerPattern, type ConsumerRule, EVENT_SOURCE } from '@crm/functions/consumers/rules';
import type { WidgetRule } from '@crm/functions/widgets/rules';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { grantCapabilities } from '../capabilities.ts';
import { crmFunction } from '../crm-function.ts';
import { LiveSocket } from '../live-socket.ts';
import { MailReceiving } from '../mail-receiving.ts';
import { MAIL_INBOUND_ENTRY } from '../paths.ts';
import { deadLetterQueue } from '../dead-letter-queue.ts';
import { type RuntimeResources, runtimeEnvironment } from '../environment.ts';
import { functionName, queueName } from '../naming.ts';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

export interface EventsStackProps extends StackProps {
  stage: string;
  table: Table;
  files: IBucket;
  userPool: IUserPool;
  webClient: IUserPoolClient;
  consumersDir: string;
  consumerRules: readonly ConsumerRule[];
  /** functions/widgets/rules.ts: each widget a rule, a Lambda and a DLQ. */
  widgetRules: readonly WidgetRule[];
  widgetNames: readonly string[];
  /** SES receiving for the mail widget; none without it. */
  mailDomain?: string;
}

export class EventsStack extends Stack {
  readonly bus: EventBus;
  readonly scheduleGroup: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly schedulerDlq: Queue;
  /** Live updates: the WebSocket API the fan-out consumer sends through. */
  readonly live: LiveSocket;
  readonly widgetSecretsKey: Secret;
  /** SES receiving, when the app has a mail domain. */
  readonly mail?: MailReceiving;
  /** Names of every function and dead-letter queue here, for the monitoring stack. */
  readonly functionNames: string[] = [];
  readonly queueNames: string[] = [];
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    this.stage = props.stage;
    this.bus = new EventBus(this, 'Bus', { eventBusName: `crm-${props.stage}` });

    this.scheduleGroup = new ScheduleGroup(this, 'Schedules', { scheduleGroupName: `crm-${props.stage}` });
    this.schedulerDlq = this.queue('SchedulerDlq', 'schedules');
    // Schedules put a `task.due` event on the bus; one that cannot be delivered lands in the DLQ.
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    this.bus.grantPutEventsTo(this.schedulerRole);
    this.schedulerDlq.grantSendMessages(this.schedulerRole);

    this.widgetSecretsKey = new Secret(this, 'WidgetSecretsKey', {
      description: `CRM ${props.stage}: the key material that seals widgets' secret settings (AES-256-GCM)`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    const runtime: RuntimeResources = {
      table: props.table,
      userPool: props.userPool,
      webClient: props.webClient,
      bus: this.bus,
      scheduleGroup: this.scheduleGroup,
      schedulerRole: this.schedulerRole,
      schedulerDlq: this.schedulerDlq,
      files: props.files,
      widgetSecretsKey: this.widgetSecretsKey,
      widgetNames: props.widgetNames,
      mailDomain: props.mailDomain,
    };
    this.outboxPipe(props.table, props.consumersDir);
    this.live = new LiveSocket(this, 'Live', { stage: props.stage, runtime });
    this.functionNames.push(this.live.socketFunctionName);
    for (const rule of props.consumerRules) {
      const fn = this.consumer({ ...rule, entry: join(props.consumersDir, `${rule.consumer}.ts`) }, runtime);
      if (rule.consumer === 'live') this.live.attachFanOut(fn, fn.logGroup);
    }
    for (const rule of props.widgetRules) {
      const fn = this.consumer({ name: rule.name, pattern: rule.pattern, entry: rule.entry }, runtime);
      this.widgetSecretsKey.grantRead(fn);
    }
    if (props.mailDomain) this.mail = this.mailReceiving(props.mailDomain, runtime);
    else
      Annotations.of(this).addInfo(
        'No mailDomain in the context (-c mailDomain=mail.example.com): SES receiving for the mail widget is not deployed.',
      );
  }

  /** Letters to the mail domain -> bucket -> the inbound Lambda, invoked by SES like a consumer: retries, then a DLQ. */
  private mailReceiving(domain: string, runtime: RuntimeResources): MailReceiving {
    const dlq = this.queue('MailInboundDlq', 'consumer-mail-inbound');
    const fn = this.fn('MailInbound', 'mail-inbound', MAIL_INBOUND_ENTRY, runtimeEnvironment(runtime), Duration.seconds(60));
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(dlq) });
    // The letter lands on a timeline or in incoming requests, in the account whose mail widget is on.
    runtime.table.grantReadWriteData(fn);
    runtime.widgetSecretsKey.grantRead(fn);
    return new MailReceiving(this, 'Mail', { stage: this.stage, domain, inbound: fn });
  }

  private queue(id: string, name: string): Queue {
    const full = queueName(this.stage, name);
    this.queueNames.push(full);
    return deadLetterQueue(this, id, full);
  }

  private fn(id: string, kindName: string, entry: string, environment: Record<string, string>, timeout: Duration) {
    const name = functionName(this.stage, 'consumer', kindName);
    this.functionNames.push(name);
    return crmFunction(this, id, { functionName: name, entry, environment, timeout });
  }

  /** Stream records of new event-log items -> envelopes -> the bus. */
  private outboxPipe(table: Table, consumersDir: string): void {
    // Invoked synchronously by the Pipe: a failure is retried by the Pipe, not by Lambda.
    // It only reshapes the records it is given, so it gets no table access.
    const enrich = this.fn('PipeEnrich', 'pipe-enrich', join(consumersDir, 'pipe-enrich.ts'), {}, Duration.seconds(30));
    const dlq = this.queue('OutboxDlq', 'outbox');
    const role = new Role(this, 'PipeRole', {
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    table.grantStreamRead(role);
    enrich.grantInvoke(role);
    this.bus.grantPutEventsTo(role);
    dlq.grantSendMessages(role);

    new CfnPipe(this, 'OutboxPipe', {
      name: `crm-${this.stage}-outbox`,
      roleArn: role.roleArn,
      source: table.tableStreamArn!,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'LATEST',
          batchSize: 10,
          maximumBatchingWindowInSeconds: 1,
          // A record that keeps failing is split out of its batch and, after the retries, its
          // position goes to the DLQ (the stream keeps it 24 h for a redrive) instead of
          // blocking every later event of its shard.
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          maximumRetryAttempts: 10,
          deadLetterConfig: { arn: dlq.queueArn },
        },
        filterCriteria: {
          // Only inserts of event-log items: the outbox rows, written in the same transaction as the change.
          filters: [{ pattern: JSON.stringify(EVENT_LOG_INSERTS) }],
        },
      },
      enrichment: enrich.functionArn,
      target: this.bus.eventBusArn,
      targetParameters: {
        eventBridgeEventBusParameters: { source: EVENT_SOURCE, detailType: '$.type' },
      },
    });
  }

  /** One rule, one Lambda, one DLQ: both the rule's delivery and Lambda's async retries end there. */
  private consumer(rule: Pick<ConsumerRule, 'name' | 'pattern' | 'timeoutSeconds'> & { entry: string }, runtime: RuntimeResources) {
    const dlq = this.queue(`${rule.name}Dlq`, `consumer-${rule.name}`);
    const fn = this.fn(
      `Consumer-${rule.name}`,
      rule.name,
      rule.entry,
      runtimeEnvironment(runtime),
      Duration.seconds(rule.timeoutSeconds ?? 60),
    );
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(dlq) });
    runtime.table.grantReadWriteData(fn);
    grantCapabilities(fn, `consumer/${rule.name}`, runtime);
    new Rule(this, `${rule.name}Rule`, {
      ruleName: `crm-${this.stage}-${rule.name}`,
      eventBus: this.bus,
      eventPattern: toCdkPattern(rule.pattern),
      targets: [new LambdaFunction(fn, { deadLetterQueue: dlq, retryAttempts: 8, maxEventAge: Duration.hours(24) })],
    });
    return fn;
  }
}

/** The CDK spells `detail-type` as `detailType`; everything else is the same. */
function toCdkPattern({ source, detail, 'detail-type': detailType }: ConsumerPattern): EventPattern {
  return { source: [...source], ...(detail && { detail }), ...(detailType && { detailType: [...detailType] }) };
}
