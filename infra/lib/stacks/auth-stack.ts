// The Cognito user pool and the web app's client. Users are created only by the API (signup,
// users), which stamps the tenant into custom attributes the browser can read but never write.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccountRecovery, ClientAttributes, FeaturePlan, Mfa, StringAttribute, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { Password } from '@crm/contract';

export interface AuthStackProps extends StackProps {
  stage: string;
}

export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `crm-${props.stage}`,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      // POST /api/v1/signup creates the account together with its first user; a bare Cognito
      // sign-up would make a user without a tenant.
      selfSignUpEnabled: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Immutable: a user never moves to another account, so not even an admin call can re-home one.
      customAttributes: {
        accountId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        userId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
      },
      // The contract's Password schema is the one rule; Cognito must not reject what it accepts.
      passwordPolicy: {
        minLength: Password.minLength ?? 8,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection ("advanced security") exists only in the paid Plus plan; Lite has
      // everything used here (custom attributes, TOTP, USER_PASSWORD_AUTH, triggers) at the lowest price.
      featurePlan: FeaturePlan.LITE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes('accountId', 'userId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.webClient.userPoolClientId });
  }
}
