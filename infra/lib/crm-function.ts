// Every Lambda of the CRM is built here, so runtime, architecture, bundling and logging are one decision.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundlingFor } from './bundling.ts';
import { LOCK_FILE, REPO_ROOT } from './paths.ts';

export interface CrmFunctionProps {
  functionName: string;
  entry: string;
  environment: Record<string, string>;
  /** API handlers answer within API Gateway's 30 s; consumers may take longer. */
  timeout?: Duration;
  description?: string;
}

export function crmFunction(scope: Construct, id: string, props: CrmFunctionProps): NodejsFunction {
  // An explicit log group instead of the implicit one: retention is set and it goes with the stack.
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    logGroupName: `/aws/lambda/${props.functionName}`,
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  return new NodejsFunction(scope, id, {
    functionName: props.functionName,
    description: props.description,
    entry: props.entry,
    handler: 'handler',
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    // 512 MB buys enough CPU for a fast cold start of a ~200 KB bundle; cost is per ms anyway.
    memorySize: 512,
    timeout: props.timeout ?? Duration.seconds(10),
    projectRoot: REPO_ROOT,
    depsLockFilePath: LOCK_FILE,
    bundling: bundlingFor(props.entry),
    environment: { POWERTOOLS_SERVICE_NAME: 'crm', ...props.environment },
    logGroup,
  });
}
