import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { CatalogEntryData, ControllerDefinition, EKS_POD_IDENTITY_ADDON_TABLE } from '../private/controller-definition';

/**
 * The preconfigured collectors of the ADOT EKS add-on (v0.88.0-eksbuild.1 and later), each a
 * separate deployment with its own service account in `opentelemetry-operator-system`.
 */
export enum AdotCollector {
  /** `collector.otlpIngest`: receives OTLP traces and exports them to AWS X-Ray (`adot-col-otlp-ingest`). */
  OTLP_INGEST = 'otlpIngest',
  /**
   * `collector.prometheusMetrics`: scrapes Prometheus endpoints and writes to Amazon Managed
   * Service for Prometheus and CloudWatch (`adot-col-prom-metrics`).
   */
  PROMETHEUS_METRICS = 'prometheusMetrics',
  /** `collector.containerLogs`: tails pod logs into CloudWatch Logs (`adot-col-container-logs`). */
  CONTAINER_LOGS = 'containerLogs',
}

/**
 * Inputs of the AWS Distro for OpenTelemetry (ADOT) collector entry: which of the add-on's
 * collectors, and which AWS backends it exports to.
 */
export interface AdotCollectorOptions extends ControllerOptions {
  /**
   * The add-on's collector whose identity this is.
   * @default AdotCollector.OTLP_INGEST
   */
  readonly collector?: AdotCollector;

  /**
   * For `PROMETHEUS_METRICS`: write to Amazon Managed Service for Prometheus (`AmazonPrometheusRemoteWriteAccess`).
   * @default true
   */
  readonly prometheusRemoteWrite?: boolean;

  /**
   * For `PROMETHEUS_METRICS`: also export metrics to CloudWatch (`CloudWatchAgentServerPolicy`).
   * @default true
   */
  readonly cloudWatch?: boolean;
}

const SERVICE_ACCOUNTS: { [collector: string]: string } = {
  [AdotCollector.OTLP_INGEST]: 'adot-col-otlp-ingest',
  [AdotCollector.PROMETHEUS_METRICS]: 'adot-col-prom-metrics',
  [AdotCollector.CONTAINER_LOGS]: 'adot-col-container-logs',
};

/**
 * The collectors of the AWS Distro for OpenTelemetry EKS add-on `adot` (v0.88.0-eksbuild.1 and
 * later), each with its own service account in `opentelemetry-operator-system`:
 * `adot-col-otlp-ingest` (`AWSXrayWriteOnlyAccess`), `adot-col-prom-metrics`
 * (`AmazonPrometheusRemoteWriteAccess`, `CloudWatchAgentServerPolicy`) and
 * `adot-col-container-logs` (`CloudWatchAgentServerPolicy`), as the ADOT add-on's collector
 * configuration pages list them
 * (https://aws-otel.github.io/docs/getting-started/adot-eks-add-on/add-on-configuration-collector-deployment).
 * Before v0.88.0 the add-on deployed one collector of a different configuration schema.
 *
 * Pod identity: from v0.94.1 (the EKS user guide's add-on table: v0.94.1-eksbuild.1).
 * @internal
 */
export const ADOT: CatalogEntryData = {
  id: 'adot',
  name: 'AWS Distro for OpenTelemetry collector',
  factory: 'adot',
  defaultNamespace: 'opentelemetry-operator-system',
  defaultServiceAccountName: 'adot-col-otlp-ingest',
  defaultsMatch: 'the OTLP ingest collector of the EKS add-on adot (collector.otlpIngest); the other collectors by collector',
  addonName: 'adot',
  ranges: [{ since: 'v0.88.0', change: 'the preconfigured collectors, each with its own service account' }],
  newestKnownVersion: 'v0.151.0',
  olderVersionsReason: 'before v0.88.0-eksbuild.1 the add-on deployed one collector with another configuration schema',
  podIdentity: { minimumVersion: 'v0.94.1', source: `${EKS_POD_IDENTITY_ADDON_TABLE}: v0.94.1-eksbuild.1` },
  narrowings: [{
    kind: NarrowingKind.OPTIONAL,
    actions: [],
    managedPolicies: ['AmazonPrometheusRemoteWriteAccess', 'CloudWatchAgentServerPolicy'],
    description: 'the Prometheus metrics collector gets AmazonPrometheusRemoteWriteAccess and CloudWatchAgentServerPolicy only for the exporters it uses (prometheusRemoteWrite, cloudWatch)',
  }],
};

/** @internal */
export function adotCollectorDefinition(options: AdotCollectorOptions): ControllerDefinition {
  const collector = options.collector ?? AdotCollector.OTLP_INGEST;
  const policies: string[] = [];
  if (collector === AdotCollector.OTLP_INGEST) policies.push('AWSXrayWriteOnlyAccess');
  if (collector === AdotCollector.PROMETHEUS_METRICS) {
    if (options.prometheusRemoteWrite ?? true) policies.push('AmazonPrometheusRemoteWriteAccess');
    if (options.cloudWatch ?? true) policies.push('CloudWatchAgentServerPolicy');
  }
  if (collector === AdotCollector.CONTAINER_LOGS) policies.push('CloudWatchAgentServerPolicy');
  return {
    entry: ADOT,
    serviceAccountName: SERVICE_ACCOUNTS[collector],
    managedPolicyNames: () => [...policies],
    statements: () => [],
  };
}
