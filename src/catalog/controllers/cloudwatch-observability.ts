import { ControllerDefinition } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the Amazon CloudWatch Observability entry.
 */
export interface CloudWatchObservabilityOptions extends ControllerOptions {}

/**
 * The Amazon CloudWatch Observability add-on (`amazon-cloudwatch-observability`: the CloudWatch
 * agent and Fluent Bit), service account `amazon-cloudwatch/cloudwatch-agent`.
 *
 * Permissions: the AWS managed policies `CloudWatchAgentServerPolicy` and `AWSXrayWriteOnlyAccess`,
 * which the add-on's documentation attaches.
 *
 * Pod identity: from v3.1.0 (FACTS.md, per the add-on's own documentation).
 * @internal
 */
export function cloudWatchObservabilityDefinition(_options: CloudWatchObservabilityOptions): ControllerDefinition {
  return {
    name: 'Amazon CloudWatch Observability',
    defaultNamespace: 'amazon-cloudwatch',
    defaultServiceAccountName: 'cloudwatch-agent',
    managedPolicyNames: ['CloudWatchAgentServerPolicy', 'AWSXrayWriteOnlyAccess'],
    policyVersion: 'aws-managed',
    minimumPodIdentityVersion: 'v3.1.0',
    addonName: 'amazon-cloudwatch-observability',
    statements: () => [],
  };
}
