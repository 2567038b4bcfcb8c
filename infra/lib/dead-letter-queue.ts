// Every asynchronous hop (Pipe source, rule target, async Lambda invoke, schedule) ends in one of these.
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export const deadLetterQueue = (scope: Construct, id: string, queueName: string) =>
  new Queue(scope, id, {
    queueName,
    // The maximum: an operator has two weeks to look at and redrive what failed.
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
