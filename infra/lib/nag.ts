// cdk-nag AwsSolutions over every stack. Each acknowledgement says why the finding is accepted.
import { Aspects, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

export function applyNag(app: App, _stacks: object): void {
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
}
