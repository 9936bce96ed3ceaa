import { Annotations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { CatalogEntryInfo, catalogEntries } from './catalog-listing';
import { ControllerOptions } from './controller-options';
import { AdotCollectorOptions, adotCollectorDefinition } from './controllers/adot-collector';
import { awsForFluentBitDefinition, AwsForFluentBitOptions } from './controllers/aws-for-fluent-bit';
import { awsGatewayApiControllerDefinition, AwsGatewayApiControllerOptions } from './controllers/aws-gateway-api-controller';
import { awsLoadBalancerControllerDefinition, AwsLoadBalancerControllerOptions } from './controllers/aws-load-balancer-controller';
import { awsPrivateCaIssuerDefinition, AwsPrivateCaIssuerOptions } from './controllers/aws-privateca-issuer';
import { certManagerDefinition, CertManagerOptions } from './controllers/cert-manager';
import { cloudWatchObservabilityDefinition, CloudWatchObservabilityOptions } from './controllers/cloudwatch-observability';
import { clusterAutoscalerDefinition, ClusterAutoscalerOptions } from './controllers/cluster-autoscaler';
import { ebsCsiDriverDefinition, EbsCsiDriverOptions } from './controllers/ebs-csi-driver';
import { efsCsiDriverDefinition, EfsCsiDriverOptions } from './controllers/efs-csi-driver';
import { efsCsiNodeDefinition, EfsCsiNodeOptions } from './controllers/efs-csi-node';
import { externalDnsDefinition, ExternalDnsOptions } from './controllers/external-dns';
import { externalSecretsDefinition, ExternalSecretsOptions } from './controllers/external-secrets';
import { fsxCsiDriverDefinition, FsxCsiDriverOptions } from './controllers/fsx-csi-driver';
import { karpenterDefinition, KarpenterOptions } from './controllers/karpenter';
import { mountpointS3CsiDriverDefinition, MountpointS3CsiDriverOptions } from './controllers/mountpoint-s3-csi-driver';
import {
  secretsStoreCsiDriverProviderAwsDefinition, SecretsStoreCsiDriverProviderAwsOptions,
} from './controllers/secrets-store-csi-driver-provider-aws';
import { veleroPluginForAwsDefinition, VeleroPluginForAwsOptions } from './controllers/velero-plugin-for-aws';
import { vpcCniDefinition, VpcCniOptions } from './controllers/vpc-cni';
import { ControllerDefinition } from './private/controller-definition';
import { compareControllerVersions, parseControllerVersion } from './private/controller-version';
import { PolicySelection, selectPolicy } from './private/policy-selection';
import { throwIdentityError } from '../core/errors';

/**
 * A well-known controller's AWS identity, usable in both modes: its namespace and service
 * account, its permissions for the controller version you run (AWS managed policies where AWS
 * publishes one, otherwise statements written from the controller's published policy at that
 * version and scoped by the entry's inputs), and the first version that works with EKS Pod
 * Identity.
 *
 * Pass `version` to get the policy of the version you run. Without it the entry uses the policy of
 * the newest version it knows and says so in an info annotation; a version newer than that gets a
 * synth warning (the policy may lack new permissions), and a version older than the oldest the
 * entry has a policy for fails at synth. `ControllerIdentity.catalog()` lists every entry with its
 * versions and sources.
 *
 * Pass it to `WorkloadIdentity` (`controller`) for a controller you install yourself (Helm), or
 * to `ControllerAddon` for an EKS add-on.
 *
 * @example
 * cluster.addWorkloadIdentity('LoadBalancerController', {
 *   controller: ControllerIdentity.awsLoadBalancerController({ clusterName: 'myeks', version: 'v2.13.0' }),
 * });
 */
export class ControllerIdentity {
  /**
   * Every entry of the catalog: namespace and service account, the install they match, add-on name,
   * supported versions and policy ranges with their upstream sources, pod identity minimum and its
   * evidence, and the entry's documented narrowings.
   */
  public static catalog(): CatalogEntryInfo[] {
    return catalogEntries();
  }

  /** The AWS Load Balancer Controller, `kube-system/aws-load-balancer-controller`. */
  public static awsLoadBalancerController(options: AwsLoadBalancerControllerOptions = {}): ControllerIdentity {
    return new ControllerIdentity(awsLoadBalancerControllerDefinition(options), options);
  }

  /** The AWS Gateway API Controller for Amazon VPC Lattice, `aws-application-networking-system/gateway-api-controller`. */
  public static awsGatewayApiController(options: AwsGatewayApiControllerOptions = {}): ControllerIdentity {
    return new ControllerIdentity(awsGatewayApiControllerDefinition(options), options);
  }

  /** ExternalDNS with the Route 53 provider, `external-dns/external-dns`. */
  public static externalDns(options: ExternalDnsOptions): ControllerIdentity {
    return new ControllerIdentity(externalDnsDefinition(options), options);
  }

  /** cert-manager answering ACME DNS-01 challenges in Route 53, `cert-manager/cert-manager`. */
  public static certManager(options: CertManagerOptions): ControllerIdentity {
    return new ControllerIdentity(certManagerDefinition(options), options);
  }

  /** The AWS Private CA Issuer for cert-manager, `aws-privateca-issuer/aws-privateca-issuer`. */
  public static awsPrivateCaIssuer(options: AwsPrivateCaIssuerOptions): ControllerIdentity {
    return new ControllerIdentity(awsPrivateCaIssuerDefinition(options), options);
  }

  /** External Secrets Operator with the Secrets Manager and Parameter Store providers, `external-secrets/external-secrets`. */
  public static externalSecrets(options: ExternalSecretsOptions): ControllerIdentity {
    return new ControllerIdentity(externalSecretsDefinition(options), options);
  }

  /**
   * The AWS provider of the Secrets Store CSI driver (ASCP). It reads secrets with the identity of
   * the pod that mounts them: name the application's namespace and service account.
   */
  public static secretsStoreCsiDriverProviderAws(options: SecretsStoreCsiDriverProviderAwsOptions): ControllerIdentity {
    return new ControllerIdentity(secretsStoreCsiDriverProviderAwsDefinition(options), options);
  }

  /** The Amazon EBS CSI driver (EKS add-on `aws-ebs-csi-driver`), `kube-system/ebs-csi-controller-sa`. */
  public static ebsCsiDriver(options: EbsCsiDriverOptions = {}): ControllerIdentity {
    return new ControllerIdentity(ebsCsiDriverDefinition(options), options);
  }

  /** The Amazon EFS CSI driver's controller (EKS add-on `aws-efs-csi-driver`), `kube-system/efs-csi-controller-sa`. */
  public static efsCsiDriver(options: EfsCsiDriverOptions = {}): ControllerIdentity {
    return new ControllerIdentity(efsCsiDriverDefinition(options), options);
  }

  /** The Amazon EFS CSI driver's node DaemonSet, `kube-system/efs-csi-node-sa`. */
  public static efsCsiNode(options: EfsCsiNodeOptions = {}): ControllerIdentity {
    return new ControllerIdentity(efsCsiNodeDefinition(options), options);
  }

  /** The Amazon FSx for Lustre CSI driver (EKS add-on `aws-fsx-csi-driver`), `kube-system/fsx-csi-controller-sa`. */
  public static fsxCsiDriver(options: FsxCsiDriverOptions = {}): ControllerIdentity {
    return new ControllerIdentity(fsxCsiDriverDefinition(options), options);
  }

  /**
   * Mountpoint for Amazon S3 CSI driver (EKS add-on `aws-mountpoint-s3-csi-driver`),
   * `kube-system/s3-csi-driver-sa`.
   */
  public static mountpointS3CsiDriver(options: MountpointS3CsiDriverOptions): ControllerIdentity {
    return new ControllerIdentity(mountpointS3CsiDriverDefinition(options), options);
  }

  /** Velero with the AWS plugin, `velero/velero-server` (Helm chart). */
  public static veleroPluginForAws(options: VeleroPluginForAwsOptions): ControllerIdentity {
    return new ControllerIdentity(veleroPluginForAwsDefinition(options), options);
  }

  /**
   * The Kubernetes Cluster Autoscaler on AWS, `kube-system/cluster-autoscaler` (the example
   * manifests; the Helm chart names it `<release>-aws-cluster-autoscaler`).
   */
  public static clusterAutoscaler(options: ClusterAutoscalerOptions): ControllerIdentity {
    return new ControllerIdentity(clusterAutoscalerDefinition(options), options);
  }

  /** The Karpenter controller, `kube-system/karpenter`. */
  public static karpenter(options: KarpenterOptions): ControllerIdentity {
    return new ControllerIdentity(karpenterDefinition(options), options);
  }

  /** The Amazon VPC CNI plugin (EKS add-on `vpc-cni`), `kube-system/aws-node`. */
  public static vpcCni(options: VpcCniOptions = {}): ControllerIdentity {
    return new ControllerIdentity(vpcCniDefinition(options), options);
  }

  /**
   * The Amazon CloudWatch Observability add-on (`amazon-cloudwatch-observability`),
   * `amazon-cloudwatch/cloudwatch-agent`.
   */
  public static cloudWatchObservability(options: CloudWatchObservabilityOptions = {}): ControllerIdentity {
    return new ControllerIdentity(cloudWatchObservabilityDefinition(options), options);
  }

  /**
   * A collector of the AWS Distro for OpenTelemetry EKS add-on (`adot`), each with its own
   * service account in `opentelemetry-operator-system` (default: the OTLP ingest collector,
   * `adot-col-otlp-ingest`).
   */
  public static adot(options: AdotCollectorOptions = {}): ControllerIdentity {
    return new ControllerIdentity(adotCollectorDefinition(options), options);
  }

  /** AWS for Fluent Bit with the CloudWatch Logs output, `kube-system/aws-for-fluent-bit`. */
  public static awsForFluentBit(options: AwsForFluentBitOptions = {}): ControllerIdentity {
    return new ControllerIdentity(awsForFluentBitDefinition(options), options);
  }

  /** The catalog id of the entry, e.g. `aws-load-balancer-controller`. */
  public readonly catalogId: string;
  /** Display name of the controller. */
  public readonly name: string;
  /** The namespace of the controller's service account. */
  public readonly namespace: string;
  /** The name of the controller's service account. */
  public readonly serviceAccountName: string;
  /** Names of the AWS managed policies the role gets (as `ManagedPolicy.fromAwsManagedPolicyName` takes them). */
  public readonly managedPolicyNames: string[];
  /**
   * The policy range used: the first controller version of the range whose upstream policy the
   * permissions are written from (the newest range when no `version` is given). Empty when
   * `version` is older than the oldest supported (then `statements()` fails).
   */
  public readonly policyVersion: string;
  /** What was chosen for `version` and why, as the synth annotation says it. */
  public readonly policySelection: string;
  /** The oldest version the entry has a policy for. */
  public readonly oldestSupportedVersion: string;
  /** The newest released version the entry was checked against. */
  public readonly newestKnownVersion: string;
  /**
   * The first controller (or add-on) version that works with EKS Pod Identity.
   * @default - none: the controller works with IRSA only
   */
  public readonly minimumPodIdentityVersion?: string;
  /**
   * The version you run.
   * @default - not known
   */
  public readonly version?: string;
  /**
   * The EKS add-on name, for controllers AWS ships as an EKS add-on.
   * @default - not an EKS add-on (install it with its Helm chart)
   */
  public readonly addonName?: string;
  /** Whether namespace and service account are the ones of the install the entry's defaults match. */
  public readonly usesDefaultServiceAccount: boolean;

  private readonly definition: ControllerDefinition;
  private readonly selection: PolicySelection;

  private constructor(definition: ControllerDefinition, options: ControllerOptions) {
    const entry = definition.entry;
    this.definition = definition;
    this.catalogId = entry.id;
    this.name = entry.name;
    const defaultNamespace = definition.namespace ?? entry.defaultNamespace;
    const defaultServiceAccountName = definition.serviceAccountName ?? entry.defaultServiceAccountName;
    const namespace = options.namespace ?? defaultNamespace;
    const serviceAccountName = options.serviceAccountName ?? defaultServiceAccountName;
    if (namespace === undefined || serviceAccountName === undefined) {
      throw new Error(`the ${entry.name} catalog entry has no default service account: pass namespace and serviceAccountName`);
    }
    this.namespace = namespace;
    this.serviceAccountName = serviceAccountName;
    this.usesDefaultServiceAccount = this.namespace === defaultNamespace && this.serviceAccountName === defaultServiceAccountName;
    this.version = options.version;
    this.selection = selectPolicy(entry, options.version);
    this.policyVersion = this.selection.policyVersion ?? '';
    this.policySelection = this.selection.fix ? `${this.selection.message}; ${this.selection.fix}` : this.selection.message;
    this.managedPolicyNames = this.selection.policyVersion === undefined ? [] : definition.managedPolicyNames(this.selection.policyVersion);
    this.oldestSupportedVersion = entry.ranges[0].since;
    this.newestKnownVersion = entry.newestKnownVersion;
    this.minimumPodIdentityVersion = entry.podIdentity.minimumVersion;
    this.addonName = entry.addonName;
  }

  /**
   * The permission statements for the version's policy range, with ARNs of the partition, region
   * and account of the stack that holds `scope`. Bad inputs (hosted zone IDs, bucket ARNs, cluster
   * names) and a version the catalog has no policy for fail here, at synth, with an error naming
   * `scope`; which policy was used is an info annotation on `scope` (a warning for a version newer
   * than the catalog knows).
   */
  public statements(scope: IConstruct): iam.PolicyStatement[] {
    const policyVersion = this.requirePolicyVersion(scope);
    if (this.selection.level === 'warning') {
      Annotations.of(scope).addWarningV2('cdk-eks-identity:controllerVersionNewerThanCatalog', this.policySelection);
    } else {
      Annotations.of(scope).addInfo(this.policySelection);
    }
    return this.definition.statements(scope, policyVersion);
  }

  /** The AWS managed policies of `managedPolicyNames`. */
  public managedPolicies(): iam.IManagedPolicy[] {
    return this.managedPolicyNames.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name));
  }

  /**
   * Why this controller cannot use EKS Pod Identity at `version`, or undefined when it can.
   * @param version the version to judge (`v2.6.2`, `v1.15.5-eksbuild.1`); default: the entry's `version`
   * @returns the reason, or undefined when the version supports pod identity or no version is known
   */
  public podIdentityUnsupportedReason(version?: string): string | undefined {
    if (this.definition.entry.podIdentity.unsupportedReason !== undefined) {
      return `${this.name} does not support EKS Pod Identity: ${this.definition.entry.podIdentity.unsupportedReason}`;
    }
    const given = version ?? this.version;
    if (given === undefined || this.minimumPodIdentityVersion === undefined) return undefined;
    const parsed = parseControllerVersion(given);
    const minimum = parseControllerVersion(this.minimumPodIdentityVersion)!;
    if (!parsed) {
      return `the ${this.name} version '${given}' is not a version the catalog can compare with ${this.minimumPodIdentityVersion}, the first with EKS Pod Identity support`;
    }
    if (compareControllerVersions(parsed, minimum) < 0) {
      return `${this.name} ${given} does not support EKS Pod Identity (it needs ${this.minimumPodIdentityVersion} or later)`;
    }
    return undefined;
  }

  private requirePolicyVersion(scope: IConstruct): string {
    if (this.selection.policyVersion === undefined) throwIdentityError(scope, this.selection.message, this.selection.fix!);
    return this.selection.policyVersion;
  }
}
