// SES receiving and sending for the mail widget, from a synthesis WITH a mail domain (the shared
// one in stacks.test.ts has none, and checks that nothing of it is deployed then).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { INBOUND_PREFIX } from '@crm/functions/widgets/mail/receiving';
import { checkMailDomain } from '../lib/mail-receiving.ts';
import { nagFindings } from './stacks/nag.ts';
import { synthesize, type Synthesized } from './synth.ts';

const DOMAIN = 'mail.example.com';
type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

let synth: Synthesized | undefined;
beforeAll(() => {
  synth = synthesize({ mailDomain: DOMAIN });
}, 120_000);
afterAll(() => synth?.cleanup());

const events = () => synth!.template(synth!.stacks.events);
const resources = () => events().toJSON().Resources as Record<string, Resource>;
const idOf = (type: string, idPrefix: string) =>
  Object.keys(resources()).find((id) => id.startsWith(idPrefix) && resources()[id]!.Type === type)!;
const RULE_ARN = [':ses:', ':receipt-rule-set/crm-test-mail:receipt-rule/crm-test-inbound'];

describe('Mail: SES receiving', () => {
  it('keeps the mail bucket private, encrypted, SSL-only, logged and expiring', () => {
    const bucket = resources()[idOf('AWS::S3::Bucket', 'MailBucket')]!.Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 30, Status: 'Enabled' })]);
    expect(bucket.LoggingConfiguration).toMatchObject({ LogFilePrefix: 's3/' });
    const policy = Object.values(resources()).find(
      (r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties.Bucket.Ref === idOf('AWS::S3::Bucket', 'MailBucket'),
    )!;
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
    expect(statements.find((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false')).toBeDefined();
    // SES may only put letters under the prefix, and only for this account's one receipt rule.
    const ses = statements.filter((s) => s.Principal?.Service === 'ses.amazonaws.com');
    expect(ses).toHaveLength(1);
    expect(ses[0]!.Action).toBe('s3:PutObject');
    expect(JSON.stringify(ses[0]!.Resource)).toContain(`/${INBOUND_PREFIX}*`);
    expect(ses[0]!.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    for (const part of RULE_ARN) expect(JSON.stringify(ses[0]!.Condition.StringEquals['aws:SourceArn'])).toContain(part);
  });

  it('has a rule set with one rule for the whole domain: store the letter, then invoke the inbound Lambda', () => {
    events().hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'crm-test-mail' });
    const inbound = idOf('AWS::Lambda::Function', 'MailInbound');
    events().hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Name: 'crm-test-inbound',
        Enabled: true,
        ScanEnabled: true,
        Recipients: [DOMAIN],
        Actions: [
          { S3Action: { BucketName: { Ref: idOf('AWS::S3::Bucket', 'MailBucket') }, ObjectKeyPrefix: INBOUND_PREFIX } },
          { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [inbound, 'Arn'] }, InvocationType: 'Event' } },
        ],
      },
    });
    // Created after SES may write and invoke: SES checks both when the rule is made.
    const rule = Object.values(resources()).find((r) => r.Type === 'AWS::SES::ReceiptRule')!;
    expect(rule.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^MailBucketPolicy/), expect.stringMatching(/AllowSes/)]));
  });

  it('lets only that rule invoke the inbound Lambda, which reads letters and nothing else of the bucket, with a DLQ', () => {
    const inbound = idOf('AWS::Lambda::Function', 'MailInbound');
    const permission = Object.values(resources()).find(
      (r) => r.Type === 'AWS::Lambda::Permission' && r.Properties.Principal === 'ses.amazonaws.com',
    )!;
    expect(permission.Properties.FunctionName).toEqual({ 'Fn::GetAtt': [inbound, 'Arn'] });
    expect(permission.Properties.SourceAccount).toEqual({ Ref: 'AWS::AccountId' });
    for (const part of RULE_ARN) expect(JSON.stringify(permission.Properties.SourceArn)).toContain(part);

    const fn = resources()[inbound]!.Properties;
    expect(fn.FunctionName).toBe('crm-test-consumer-mail-inbound');
    expect(fn.Environment.Variables).toMatchObject({ MAIL_BUCKET: { Ref: idOf('AWS::S3::Bucket', 'MailBucket') }, MAIL_DOMAIN: DOMAIN });
    const role = fn.Role['Fn::GetAtt'][0];
    const policies = Object.values(resources()).filter(
      (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(role),
    );
    const s3 = policies
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, any>[])
      .filter((s) => JSON.stringify(s.Action).includes('s3:'));
    expect(s3).toHaveLength(1);
    expect(s3[0]!.Action).toBe('s3:GetObject');
    expect(JSON.stringify(s3[0]!.Resource)).toContain(`/${INBOUND_PREFIX}*`);

    const config = Object.values(resources()).find(
      (r) => r.Type === 'AWS::Lambda::EventInvokeConfig' && r.Properties.FunctionName.Ref === inbound,
    )!;
    const dlq = config.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
    expect(resources()[dlq]!.Type).toBe('AWS::SQS::Queue');
    expect(synth!.stacks.events.queueNames).toContain('crm-test-consumer-mail-inbound-dlq');
    expect(synth!.stacks.events.functionNames).toContain('crm-test-consumer-mail-inbound');
  });

  it('creates the domain identity and says which DNS records to add', () => {
    events().hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: DOMAIN });
    const outputs = JSON.stringify(events().toJSON().Outputs);
    expect(outputs).toContain('inbound-smtp.');
    expect(outputs).toContain('crm-test-mail');
    expect(Object.keys(events().toJSON().Outputs).filter((k) => k.includes('Dkim'))).toHaveLength(3);
  });

  it('lets the widgets API send from the domain identity only, and tells it the domain', () => {
    const api = synth!.template(synth!.stacks.api);
    const apiResources = api.toJSON().Resources as Record<string, Resource>;
    const sending = Object.values(apiResources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((p) => (p.Properties.PolicyDocument.Statement as Record<string, any>[]).map((s) => ({ policy: p, s })))
      .filter(({ s }) => JSON.stringify(s.Action).includes('ses:'));
    expect(sending).toHaveLength(1);
    expect(sending[0]!.s.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(JSON.stringify(sending[0]!.s.Resource)).toContain(`:identity/${DOMAIN}`);
    const role = sending[0]!.policy.Properties.Roles[0].Ref as string;
    const widgets = Object.values(apiResources).find(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Role['Fn::GetAtt'][0] === role,
    )!;
    expect(widgets.Properties.FunctionName).toBe('crm-test-api-widgets');
    api.allResourcesProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ MAIL_DOMAIN: DOMAIN }) } });
  });

  it('leaves no unacknowledged cdk-nag finding', () => {
    expect(nagFindings(synth!.assembly)).toEqual([]);
  });

  it('refuses a mail domain SES would not take', () => {
    expect(checkMailDomain('mail.example.com')).toBe('mail.example.com');
    for (const bad of ['', 'localhost', 'Mail.Example.com', 'a..b.com', 'x@y.com', 42])
      expect(() => checkMailDomain(bad)).toThrow(/mailDomain/);
  });
});
