import { ControllerDefinition } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the AWS Distro for OpenTelemetry (ADOT) collector entry: which AWS backends the
 * collector exports to.
 */
export interface AdotCollectorOptions extends ControllerOptions {
  /**
   * Export metrics to Amazon Managed Service for Prometheus (`AmazonPrometheusRemoteWriteAccess`).
   * @default true
   */
  readonly prometheusRemoteWrite?: boolean;

  /**
   * Export traces to AWS X-Ray (`AWSXrayWriteOnlyAccess`).
   * @default true
   */
  readonly xray?: boolean;

  /**
   * Export metrics and logs to Amazon CloudWatch (`CloudWatchAgentServerPolicy`).
   * @default true
   */
  readonly cloudWatch?: boolean;
}

/**
 * The AWS Distro for OpenTelemetry collector, EKS add-on `adot`, with the collector service
 * account of the ADOT add-on guide (`opentelemetry-operator-system/adot-collector`).
 *
 * Permissions: the AWS managed policies the ADOT EKS add-on guide attaches to the collector role
 * (`AmazonPrometheusRemoteWriteAccess`, `AWSXrayWriteOnlyAccess`, `CloudWatchAgentServerPolicy`),
 * one per exporter you use.
 *
 * Pod identity: from v0.94.1 (FACTS.md, AWS add-on compatibility table).
 * @internal
 */
export function adotCollectorDefinition(options: AdotCollectorOptions): ControllerDefinition {
  const policies: string[] = [];
  if (options.prometheusRemoteWrite ?? true) policies.push('AmazonPrometheusRemoteWriteAccess');
  if (options.xray ?? true) policies.push('AWSXrayWriteOnlyAccess');
  if (options.cloudWatch ?? true) policies.push('CloudWatchAgentServerPolicy');
  return {
    name: 'AWS Distro for OpenTelemetry collector',
    defaultNamespace: 'opentelemetry-operator-system',
    defaultServiceAccountName: 'adot-collector',
    managedPolicyNames: policies,
    policyVersion: 'aws-managed',
    minimumPodIdentityVersion: 'v0.94.1',
    addonName: 'adot',
    statements: () => [],
  };
}
