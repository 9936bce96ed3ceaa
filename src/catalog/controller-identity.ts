import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { ControllerDefinition } from './controller-definition';
import { ControllerOptions } from './controller-options';
import { compareControllerVersions, parseControllerVersion } from './controller-version';
import { AdotCollectorOptions, adotCollectorDefinition } from './controllers/adot-collector';
import { awsLoadBalancerControllerDefinition, AwsLoadBalancerControllerOptions } from './controllers/aws-load-balancer-controller';
import { certManagerDefinition, CertManagerOptions } from './controllers/cert-manager';
import { cloudWatchObservabilityDefinition, CloudWatchObservabilityOptions } from './controllers/cloudwatch-observability';
import { clusterAutoscalerDefinition, ClusterAutoscalerOptions } from './controllers/cluster-autoscaler';
import { ebsCsiDriverDefinition, EbsCsiDriverOptions } from './controllers/ebs-csi-driver';
import { efsCsiDriverDefinition, EfsCsiDriverOptions } from './controllers/efs-csi-driver';
import { externalDnsDefinition, ExternalDnsOptions } from './controllers/external-dns';
import { karpenterDefinition, KarpenterOptions } from './controllers/karpenter';
import { mountpointS3CsiDriverDefinition, MountpointS3CsiDriverOptions } from './controllers/mountpoint-s3-csi-driver';
import { vpcCniDefinition, VpcCniOptions } from './controllers/vpc-cni';

/**
 * A well-known controller's AWS identity, usable in both modes: its namespace and service
 * account, its permissions (AWS managed policies where AWS publishes one, otherwise statements
 * written from the controller's documented policy and scoped by the entry's inputs), the
 * controller version the permissions match, and the first version that works with EKS Pod
 * Identity.
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
  /** The AWS Load Balancer Controller, `kube-system/aws-load-balancer-controller`. */
  public static awsLoadBalancerController(options: AwsLoadBalancerControllerOptions = {}): ControllerIdentity {
    return new ControllerIdentity(awsLoadBalancerControllerDefinition(options), options);
  }

  /** ExternalDNS with the Route 53 provider, `external-dns/external-dns`. */
  public static externalDns(options: ExternalDnsOptions): ControllerIdentity {
    return new ControllerIdentity(externalDnsDefinition(options), options);
  }

  /** cert-manager answering ACME DNS-01 challenges in Route 53, `cert-manager/cert-manager`. */
  public static certManager(options: CertManagerOptions): ControllerIdentity {
    return new ControllerIdentity(certManagerDefinition(options), options);
  }

  /** The Amazon EBS CSI driver (EKS add-on `aws-ebs-csi-driver`), `kube-system/ebs-csi-controller-sa`. */
  public static ebsCsiDriver(options: EbsCsiDriverOptions = {}): ControllerIdentity {
    return new ControllerIdentity(ebsCsiDriverDefinition(options), options);
  }

  /** The Amazon EFS CSI driver (EKS add-on `aws-efs-csi-driver`), `kube-system/efs-csi-controller-sa`. */
  public static efsCsiDriver(options: EfsCsiDriverOptions = {}): ControllerIdentity {
    return new ControllerIdentity(efsCsiDriverDefinition(options), options);
  }

  /**
   * Mountpoint for Amazon S3 CSI driver (EKS add-on `aws-mountpoint-s3-csi-driver`),
   * `kube-system/s3-csi-driver-sa`.
   */
  public static mountpointS3CsiDriver(options: MountpointS3CsiDriverOptions): ControllerIdentity {
    return new ControllerIdentity(mountpointS3CsiDriverDefinition(options), options);
  }

  /** The Kubernetes Cluster Autoscaler on AWS, `kube-system/cluster-autoscaler`. */
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
   * The AWS Distro for OpenTelemetry collector (EKS add-on `adot`),
   * `opentelemetry-operator-system/adot-collector`.
   */
  public static adot(options: AdotCollectorOptions = {}): ControllerIdentity {
    return new ControllerIdentity(adotCollectorDefinition(options), options);
  }

  /** Display name of the controller. */
  public readonly name: string;
  /** The namespace of the controller's service account. */
  public readonly namespace: string;
  /** The name of the controller's service account. */
  public readonly serviceAccountName: string;
  /** Names of the AWS managed policies the role gets (as `ManagedPolicy.fromAwsManagedPolicyName` takes them). */
  public readonly managedPolicyNames: string[];
  /**
   * The controller version the statements were written from, or `aws-managed` when the
   * permissions are AWS managed policies that AWS keeps current with the controller.
   */
  public readonly policyVersion: string;
  /** The first controller (or add-on) version that works with EKS Pod Identity. */
  public readonly minimumPodIdentityVersion: string;
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
  /** Whether namespace and service account are the ones the controller's chart or add-on uses. */
  public readonly usesDefaultServiceAccount: boolean;

  private readonly definition: ControllerDefinition;

  private constructor(definition: ControllerDefinition, options: ControllerOptions) {
    this.definition = definition;
    this.name = definition.name;
    this.namespace = options.namespace ?? definition.defaultNamespace;
    this.serviceAccountName = options.serviceAccountName ?? definition.defaultServiceAccountName;
    this.usesDefaultServiceAccount = this.namespace === definition.defaultNamespace
      && this.serviceAccountName === definition.defaultServiceAccountName;
    this.managedPolicyNames = [...definition.managedPolicyNames];
    this.policyVersion = definition.policyVersion;
    this.minimumPodIdentityVersion = definition.minimumPodIdentityVersion;
    this.version = options.version;
    this.addonName = definition.addonName;
  }

  /**
   * The permission statements, with ARNs of the partition, region and account of the stack that
   * holds `scope`. Bad inputs (hosted zone IDs, bucket ARNs, cluster names) fail here, at synth,
   * with an error naming `scope`.
   */
  public statements(scope: IConstruct): iam.PolicyStatement[] {
    return this.definition.statements(scope);
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
    const given = version ?? this.version;
    if (given === undefined) return undefined;
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
}
