import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TemplateText } from '../core/template/template-text';

/**
 * A value as it will read in the template: literal text, deploy-time parts as the placeholders
 * the rule pack sees (`${Ref:AWS::StackName}`). Constructs validate this text with the core's
 * validators, so a construct and a rule judge a value that holds tokens (`Fn.join`, `Aws.STACK_NAME`
 * in a string) exactly alike.
 */
export function asTemplateText(scope: IConstruct, value: string): string {
  if (!Token.isUnresolved(value)) return value;
  return new TemplateText({}).text(Stack.of(scope).resolve(value));
}
