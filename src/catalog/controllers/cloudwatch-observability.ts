import { ControllerOptions } from '../controller-options';
import { CatalogEntryData, ControllerDefinition } from '../private/controller-definition';

/**
 * Inputs of the Amazon CloudWatch Observability entry.
 */
export interface CloudWatchObservabilityOptions extends ControllerOptions {}

/**
 * The Amazon CloudWatch Observability add-on (`amazon-cloudwatch-observability`: the CloudWatch
 * agent and Fluent Bit), service account `amazon-cloudwatch/cloudwatch-agent` of the add-on.
 *
 * Permissions: the AWS managed policies `CloudWatchAgentServerPolicy` and `AWSXrayWriteOnlyAccess`,
 * which the EKS user guide names for the add-on ("The permissions in the AWSXrayWriteOnlyAccess and
 * CloudWatchAgentServerPolicy AWS managed policies are required", latest/ug/workloads/eks-add-ons.adoc).
 *
 * Pod identity: from v3.1.0. aws-observability/helm-charts#158 (release v3.1.0, January 2025)
 * ships the Fluent Bit image with EKS Pod Identity support; the CloudWatch agent already had it.
 * The EKS user guide's add-on table of December 2024 still says "No".
 * @internal
 */
export const CLOUDWATCH_OBSERVABILITY: CatalogEntryData = {
  id: 'cloudwatch-observability',
  name: 'Amazon CloudWatch Observability',
  factory: 'cloudWatchObservability',
  defaultNamespace: 'amazon-cloudwatch',
  defaultServiceAccountName: 'cloudwatch-agent',
  defaultsMatch: 'the EKS add-on amazon-cloudwatch-observability (and its Helm chart, aws-observability/helm-charts)',
  addonName: 'amazon-cloudwatch-observability',
  ranges: [{ since: 'v1.0.0', change: 'CloudWatchAgentServerPolicy and AWSXrayWriteOnlyAccess, as the EKS user guide attaches them' }],
  newestKnownVersion: 'v6.4.0',
  olderVersionsReason: 'the add-on starts at v1.0.0',
  podIdentity: { minimumVersion: 'v3.1.0', source: 'aws-observability/helm-charts#158 (release v3.1.0: Fluent Bit image with EKS Pod Identity support)' },
  narrowings: [],
};

/** @internal */
export function cloudWatchObservabilityDefinition(_options: CloudWatchObservabilityOptions): ControllerDefinition {
  return {
    entry: CLOUDWATCH_OBSERVABILITY,
    managedPolicyNames: () => ['CloudWatchAgentServerPolicy', 'AWSXrayWriteOnlyAccess'],
    statements: () => [],
  };
}
