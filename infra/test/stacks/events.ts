// The events stack: every asynchronous hop has retries and a dead-letter queue, and the Pipe
// takes only event-log inserts from the stream to the bus with the contract's source/detail-type.
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { EVENT_LOG_INSERTS } from '@crm/functions/consumers/pipe-enrich';
import type { Synthesized } from '../synth.ts';

type Resource = { Type: string; Properties: Record<string, any> };
/** `{ Fn::GetAtt: [id, 'Arn'] }` pointing at an SQS queue of the same template. */
const isQueueArn = (resources: Record<string, Resource>, ref: any) =>
  resources[ref?.['Fn::GetAtt']?.[0]]?.Type === 'AWS::SQS::Queue' && ref['Fn::GetAtt'][1] === 'Arn';

export const describeEvents = (synth: () => Synthesized) =>
  describe('Stack: events', () => {
    const events = () => synth().template(synth().stacks.events);
    const all = () => events().toJSON().Resources as Record<string, Resource>;

    it('pipes only event-log inserts to the bus, with a DLQ on the stream source', () => {
      events().hasResourceProperties('AWS::Pipes::Pipe', {
        SourceParameters: {
          DynamoDBStreamParameters: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
          FilterCriteria: { Filters: [{ Pattern: JSON.stringify(EVENT_LOG_INSERTS) }] },
        },
        Enrichment: { 'Fn::GetAtt': [Match.stringLikeRegexp('PipeEnrich'), 'Arn'] },
        TargetParameters: { EventBridgeEventBusParameters: { Source: 'crm', DetailType: '$.type' } },
      });
      const [pipe] = Object.values(all()).filter((r) => r.Type === 'AWS::Pipes::Pipe');
      expect(isQueueArn(all(), pipe!.Properties.SourceParameters.DynamoDBStreamParameters.DeadLetterConfig.Arn)).toBe(true);
    });

    it('gives every rule target retries and a DLQ', () => {
      const rules = Object.values(all()).filter((r) => r.Type === 'AWS::Events::Rule');
      expect(rules.length).toBeGreaterThan(0);
      for (const target of rules.flatMap((r) => r.Properties.Targets as Record<string, any>[])) {
        expect(isQueueArn(all(), target.DeadLetterConfig?.Arn), target.Id).toBe(true);
        expect(target.RetryPolicy?.MaximumRetryAttempts).toBeGreaterThan(0);
      }
    });

    it('gives every function that a rule invokes (asynchronously) an on-failure DLQ', () => {
      const resources = all();
      const targets = Object.values(resources)
        .filter((r) => r.Type === 'AWS::Events::Rule')
        .flatMap((r) => (r.Properties.Targets as Record<string, any>[]).map((t) => t.Arn['Fn::GetAtt'][0] as string));
      const configs = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventInvokeConfig');
      for (const fn of targets) {
        const config = configs.find((c) => c.Properties.FunctionName.Ref === fn);
        expect(isQueueArn(resources, config?.Properties.DestinationConfig?.OnFailure?.Destination), fn).toBe(true);
        expect(config?.Properties.MaximumRetryAttempts).toBeGreaterThan(0);
      }
    });

    it('lets the Scheduler role reach the bus and its own DLQ, which the functions are told about', () => {
      const role = Object.entries(all()).find(([id, r]) => r.Type === 'AWS::IAM::Role' && id.startsWith('SchedulerRole'));
      expect(role?.[1].Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'scheduler.amazonaws.com' });
      const policy = JSON.stringify(
        Object.values(all()).filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(role![0])),
      );
      expect(policy).toContain('events:PutEvents');
      expect(policy).toContain('sqs:SendMessage');
      const api = synth().template(synth().stacks.api);
      api.allResourcesProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ SCHEDULER_DLQ_ARN: Match.anyValue(), SCHEDULER_ROLE_ARN: Match.anyValue() }) },
      });
    });
  });
