/**
 * How serious a finding is.
 */
export enum CheckLevel {
  /** The configuration is rejected at deploy, fails at runtime, or grants far more than intended. */
  ERROR = 'error',
  /** The configuration works but is risky, wasteful or close to a limit. */
  WARNING = 'warning',
}

/**
 * One synthesized CloudFormation template to check, with the Kubernetes objects that go with it.
 */
export interface CheckInput {
  /**
   * Name of the stack, used in findings.
   */
  readonly stackName: string;

  /**
   * The CloudFormation template as a JSON object (for example `Template.fromStack(stack).toJSON()`).
   */
  readonly template: any;

  /**
   * Kubernetes objects that belong to this stack's cluster (for example parsed from the
   * `<stack>.<cluster>.k8s.yaml` files written into the cloud assembly). `List` objects are expanded.
   * Objects embedded in aws-eks-v2 `Custom::AWSCDK-EKS-KubernetesResource` resources are read from
   * the template and need not be repeated here.
   *
   * @default - only the objects embedded in the template
   */
  readonly kubernetesManifests?: any[];

  /**
   * Kubernetes objects of one cluster each, e.g. read from the `<stack>.<cluster>.k8s.yaml` files
   * whose first line names the cluster (`# cdk-eks-identity cluster: <name>`).
   *
   * @default - none
   */
  readonly clusterKubernetesManifests?: ClusterKubernetesManifests[];

  /**
   * Path of the template file, reported in policy validation reports.
   *
   * @default - `<stackName>.template.json`
   */
  readonly templatePath?: string;

  /**
   * Construct paths of the template's resources by logical id, for resources without
   * `Metadata["aws:cdk:path"]` (an app synthesized without path metadata, such as a plain
   * `app.synth()` outside the CDK CLI). `readAssembly` fills it from the stack's metadata in the
   * cloud assembly (`aws:cdk:logicalId` entries), else from the assembly's `tree.json`.
   *
   * @default - construct paths come only from the resources' `aws:cdk:path` metadata
   */
  readonly constructPaths?: { [logicalId: string]: string };

  /**
   * The stack's account (from the cloud assembly manifest's `environment`,
   * `aws://<account>/<region>`). Rules then also reject what cannot work in that account, such as
   * an OIDC provider of another account in an IRSA trust.
   *
   * @default - not known (read from the manifest by `checkAssembly` and the validation plugin)
   */
  readonly account?: string;

  /**
   * The stack's region (from the cloud assembly manifest's `environment`). Rules then also reject
   * what cannot work there: an EKS issuer of another region, or an ARN of another partition.
   *
   * @default - not known (read from the manifest by `checkAssembly` and the validation plugin)
   */
  readonly region?: string;
}

/**
 * The Kubernetes objects of one cluster.
 */
export interface ClusterKubernetesManifests {
  /**
   * The cluster: its literal name, or `<stack name>/<logical id>` of an `AWS::EKS::Cluster` whose
   * name is not known at synth.
   */
  readonly cluster: string;

  /** The objects (`List` objects are expanded). */
  readonly manifests: any[];
}

/**
 * A problem found by a rule.
 */
export interface CheckFinding {
  /** The rule that found it, e.g. `EKSID-IRSA-002`. */
  readonly ruleId: string;

  /** How serious it is. */
  readonly level: CheckLevel;

  /** What is wrong, naming the resource or Kubernetes object. */
  readonly message: string;

  /** How to fix it. */
  readonly fix: string;

  /** The stack the finding is in. */
  readonly stackName: string;

  /**
   * Logical ID of the offending resource.
   *
   * @default - the finding is about a Kubernetes object that is not a CloudFormation resource
   */
  readonly logicalId?: string;

  /**
   * Construct path of the offending resource (`Metadata["aws:cdk:path"]`).
   *
   * @default - the template has no path metadata for the resource
   */
  readonly constructPath?: string;

  /**
   * Where in the resource the problem is, e.g. `Properties/AssumeRolePolicyDocument`.
   *
   * @default - the whole resource
   */
  readonly location?: string;
}

/**
 * Turns one rule off, with the reason recorded.
 */
export interface CheckSuppression {
  /** The rule to suppress, e.g. `EKSID-POD-007`. */
  readonly ruleId: string;

  /** Why the rule does not apply (must not be empty). */
  readonly reason: string;
}

/**
 * What one rule checks.
 */
export interface CheckRuleInfo {
  /** Rule id, e.g. `EKSID-IRSA-002`. */
  readonly id: string;

  /** The rule in one sentence. */
  readonly statement: string;

  /** The level of its findings. */
  readonly level: CheckLevel;

  /** How to fix what the rule finds, in general (each finding's `fix` may be more specific). */
  readonly fix: string;
}
