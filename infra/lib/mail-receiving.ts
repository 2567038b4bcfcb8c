// SES receiving for the mail widget: letters to `<account id>@<mail domain>` are stored by a
// receipt rule in a private bucket (S3 action), then the rule invokes the inbound Lambda with the
// SES event (Lambda action), which reads the letter back by its SES message id (ses-inbound.ts).
// The rule set is created, not activated: a region has one active rule set, and switching it from
// a stack would silently stop whatever else the account receives (README, "Mail domain").
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, Identity, ReceiptRuleSet, type IReceiptRuleAction } from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { INBOUND_PREFIX } from '@crm/functions/widgets/mail/receiving';

export interface MailReceivingProps {
  stage: string;
  domain: string;
  /** Bundled from functions/widgets/mail/ses-inbound.ts. */
  inbound: LambdaFunction;
}

/** A mail domain as SES takes it: lower-case labels, at least two. */
export function checkMailDomain(domain: unknown): string {
  if (typeof domain !== 'string' || !/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) {
    throw new Error(`mailDomain must be a lower-case domain name such as mail.example.com, got ${JSON.stringify(domain)}`);
  }
  return domain;
}

/** The ARN of the domain's SES identity: what sending from `<anything>@<domain>` is authorised against. */
export const mailIdentityArn = (domain: string) => `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${domain}`;

export class MailReceiving extends Construct {
  readonly bucket: Bucket;
  readonly ruleSetName: string;
  readonly ruleName: string;

  constructor(scope: Construct, id: string, props: MailReceivingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.ruleSetName = `crm-${props.stage}-mail`;
    this.ruleName = `crm-${props.stage}-inbound`;
    // The one rule that may write here and invoke the Lambda (confused-deputy guard for SES).
    const ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${this.ruleSetName}:receipt-rule/${this.ruleName}`,
    });
    const fromThisRule = { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': ruleArn } };

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // A letter is on the timeline once the Lambda has run; the raw copy stays for a redrive from
      // the DLQ (kept 14 days) and a little longer, then goes.
      lifecycleRules: [{ expiration: Duration.days(30) }],
      // Letters live on in the table; the raw copies are only a buffer.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const sesMayWrite = this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SesReceiptRulePutsLetters',
        actions: ['s3:PutObject'],
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        resources: [this.bucket.arnForObjects(`${INBOUND_PREFIX}*`)],
        conditions: fromThisRule,
      }),
    );
    if (!sesMayWrite.policyDependable) throw new Error('the mail bucket has no policy to let SES write');

    // Read only, and only the letters: the Lambda never writes or lists the bucket.
    props.inbound.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${INBOUND_PREFIX}*`)] }),
    );
    props.inbound.addEnvironment('MAIL_BUCKET', this.bucket.bucketName);
    // Named as the CDK's Lambda action looks it up, so the action uses this narrower permission.
    props.inbound.addPermission('AllowSes', {
      action: 'lambda:InvokeFunction',
      principal: new ServicePrincipal('ses.amazonaws.com'),
      sourceAccount: Aws.ACCOUNT_ID,
      sourceArn: ruleArn,
    });

    // The CDK's S3 action writes its own bucket statement (source account only); this one adds
    // nothing to the policy, the statement above with the rule's ARN is the permission.
    const storeLetter: IReceiptRuleAction = {
      bind: () => ({ s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: INBOUND_PREFIX } }),
    };
    const ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: this.ruleSetName });
    const rule = ruleSet.addRule('Inbound', {
      receiptRuleName: this.ruleName,
      // The whole domain: every account's mailbox is `<account id>@<domain>`.
      recipients: [props.domain],
      scanEnabled: true,
      // Asynchronous: SES does not wait; failures retry twice and end in the Lambda's DLQ.
      actions: [storeLetter, new Lambda({ function: props.inbound, invocationType: LambdaInvocationType.EVENT })],
    });
    // SES checks it may write to the bucket when the rule is created.
    rule.node.addDependency(this.bucket.policy!);

    // Sending and receiving both need the domain verified: DKIM records below, MX for receiving.
    const identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.domain) });
    identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `Dkim${i + 1}`, {
        description: 'CNAME record that verifies the mail domain',
        value: `${record.name} CNAME ${record.value}`,
      });
    });
    new CfnOutput(this, 'MxRecord', {
      description: `MX record of ${props.domain}: letters to it go to SES receiving`,
      value: `${props.domain} MX 10 inbound-smtp.${Aws.REGION}.amazonaws.com`,
    });
    new CfnOutput(this, 'RuleSetName', {
      description: 'Activate once per region: aws ses set-active-receipt-rule-set --rule-set-name <this>',
      value: this.ruleSetName,
    });
  }
}
