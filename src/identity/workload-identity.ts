import { Annotations, Aspects, Duration, Names, Stack, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { broughtRoleTrustProblem } from './private/brought-role-trust';
import { InlinePolicyRole } from './private/inline-policy-role';
import { irsaTrustStatement } from './private/irsa-trust-statement';
import { selectIdentityMode } from './private/mode-selection';
import { podIdentityTrustStatement } from './private/pod-identity-trust-statement';
import { renderTrustDocument, TrustDocument, trustDocument, TrustStatement } from './private/trust-document';
import { trustSize } from './private/trust-size';
import type { ControllerIdentity } from '../catalog/controller-identity';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';
import { isKnown } from '../core/deploy-time';
import { Problem, throwIdentityError, throwIfProblem } from '../core/errors';
import { IdentityMode, WorkloadPlatform } from '../core/identity-mode';
import { IRSA_ACTION, IRSA_ROLE_ARN_ANNOTATION, IRSA_TOKEN_EXPIRATION_ANNOTATION, serviceAccountSubject } from '../core/irsa';
import { namePatternProblem, namespaceNameProblem, serviceAccountNameProblem } from '../core/kubernetes-names';
import { MAX_ROLE_NAME_LENGTH, MIN_TOKEN_EXPIRATION_SECONDS, TRUST_POLICY_DEFAULT_QUOTA } from '../core/limits';
import { POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL, sessionPolicyProblem, targetRoleArnProblem } from '../core/pod-identity';
import { iamPathProblem, roleNameProblem } from '../core/role-name';
import { KubernetesServiceAccount } from '../k8s/kubernetes-service-account';
import { claimServiceAccount } from '../k8s/private/service-account-registry';
import { recordPodIdentityNamespace } from '../private/pod-identity-namespaces';
import { knownPartition, knownRoleArn, roleArnFromName } from '../private/stack-values';
import { asTemplateText } from '../private/template-text-of';

/**
 * Options of a workload identity (everything but the cluster).
 */
export interface WorkloadIdentityOptions {
  /**
   * A well-known controller from the catalog (`ControllerIdentity.awsLoadBalancerController()`,
   * ...): it supplies the namespace, the service account name, the permissions (statements and
   * AWS managed policies, added before your own) and whether its version supports pod identity.
   * @default - none: set namespace and serviceAccountName
   */
  readonly controller?: ControllerIdentity;

  /**
   * Namespace of the service account (a DNS-1123 label).
   * @default - the controller's namespace; required without controller
   */
  readonly namespace?: string;

  /**
   * Name of the service account (a DNS-1123 subdomain). With `allowWildcardSubject`, `*` and `?`
   * are allowed (IRSA only).
   * @default - the controller's service account; required without controller
   */
  readonly serviceAccountName?: string;

  /**
   * How the service account gets credentials.
   * @default IdentityMode.AUTO
   */
  readonly mode?: IdentityMode;

  /**
   * Where the workload's pods run; pod identity needs Linux EC2 nodes.
   * @default WorkloadPlatform.LINUX_EC2
   */
  readonly platform?: WorkloadPlatform;

  /**
   * Permissions of the role, kept inline in the role.
   * @default - none; grant more with `identity.addToPrincipalPolicy()` or `bucket.grantRead(identity)`
   */
  readonly statements?: iam.PolicyStatement[];

  /**
   * Managed policies attached to the role.
   * @default - none
   */
  readonly managedPolicies?: iam.IManagedPolicy[];

  /**
   * Bring your own role. Its trust is left as you made it; the library warns at synth when it can
   * see that the trust cannot work for the chosen mode. Statements and grants go to this role.
   * @default - the library creates the role with the right trust
   */
  readonly role?: iam.IRole;

  /**
   * Name of the role the library creates.
   * @default - a deterministic name derived from the construct path (so the IRSA annotation
   * resolves at synth)
   */
  readonly roleName?: string;

  /**
   * IAM path of the role the library creates (`/` or `/<segments>/`). The IRSA annotation and the
   * target role trust use the role's ARN with its path.
   * @default '/'
   */
  readonly rolePath?: string;

  /**
   * Permissions boundary of the role the library creates (a managed policy that caps what the
   * role's permissions can grant, as many organisations require).
   * @default - no permissions boundary
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;

  /**
   * Description of the role the library creates. The identity report and `cdk-eks-identity
   * report` already say which service account uses which role, so none is set by default (it
   * would cost every identity template bytes).
   * @default - no description
   */
  readonly roleDescription?: string;

  /**
   * Emit the Kubernetes ServiceAccount object. Turn off when something else (a Helm chart, an EKS
   * addon) creates the service account.
   * @default true
   */
  readonly createServiceAccount?: boolean;

  /**
   * Pod identity only: create the `AWS::EKS::PodIdentityAssociation`. Turn off when something else
   * owns the association, e.g. an EKS add-on's `PodIdentityAssociations` (see `ControllerAddon`).
   * @default true
   */
  readonly createAssociation?: boolean;

  /**
   * Also emit the Namespace object (never for built-in namespaces).
   * @default false
   */
  readonly createNamespace?: boolean;

  /**
   * IRSA only: let `namespace`/`serviceAccountName` contain `*` or `?`. The subject is then
   * matched with `StringLike` (the audience stays `StringEquals`), no service account object is
   * written, and synth warns: any matching service account can assume the role.
   * @default false
   */
  readonly allowWildcardSubject?: boolean;

  /**
   * IRSA only: more clusters whose service account `namespace/serviceAccountName` may assume the
   * same role (one trust statement per OIDC provider). The service account is written into each
   * cluster's chart.
   * @default - only `cluster`
   */
  readonly additionalClusters?: IIdentityCluster[];

  /**
   * IRSA only: lifetime of the projected token (annotation `eks.amazonaws.com/token-expiration`).
   * At least 10 minutes.
   * @default - the webhook's default, 24 hours
   */
  readonly tokenExpiration?: Duration;

  /**
   * Pod identity only: do not attach session tags. The trust can then not be scoped with tag
   * conditions; synth warns.
   * @default false
   */
  readonly disableSessionTags?: boolean;

  /**
   * Pod identity only: the transition state of a move from IRSA to pod identity without downtime.
   * The role keeps trusting the cluster's OIDC provider for this service account next to
   * `pods.eks.amazonaws.com`, and the service account keeps its `eks.amazonaws.com/role-arn`
   * annotation, while the association is created: running pods keep their IRSA credentials,
   * restarted pods get pod identity credentials (the SDKs prefer them). Once every pod has
   * restarted, remove this option: the OIDC trust and the annotation go away. The role (and its
   * name and permissions) stays the same throughout.
   * @default false
   */
  readonly irsaTransition?: boolean;

  /**
   * Pod identity only: a session policy that further restricts the credentials. Requires
   * `disableSessionTags: true`.
   * @default - none
   */
  readonly sessionPolicy?: iam.PolicyDocument;

  /**
   * Pod identity only: a role in another account that EKS Pod Identity assumes with the
   * association role (role chaining). See `PodIdentityTargetRole` to create it with its trust.
   * @default - none
   */
  readonly targetRoleArn?: string;

  /**
   * Why this workload cannot use pod identity (e.g. a controller version), so that `AUTO` picks
   * IRSA and an explicit `POD_IDENTITY` fails at synth.
   * @default - the workload supports pod identity
   */
  readonly podIdentityUnsupportedReason?: string;
}

/**
 * Properties of {@link WorkloadIdentity}.
 */
export interface WorkloadIdentityProps extends WorkloadIdentityOptions {
  /** The cluster the service account lives in. */
  readonly cluster: IIdentityCluster;
}

/**
 * One Kubernetes service account's AWS identity: an IAM role with its permissions inline and
 * either an EKS Pod Identity association or an IRSA trust and annotation — at most two
 * CloudFormation resources, no Lambda, no custom resource.
 *
 * @example
 * const identity = new WorkloadIdentity(this, 'Reader', {
 *   cluster,
 *   namespace: 'default',
 *   serviceAccountName: 'my-sa',
 *   mode: IdentityMode.IRSA,
 * });
 * bucket.grantRead(identity);
 */
export class WorkloadIdentity extends Construct implements iam.IGrantable {
  /** The cluster of the service account. */
  public readonly cluster: IIdentityCluster;
  /** Namespace of the service account. */
  public readonly namespace: string;
  /** Name of the service account. */
  public readonly serviceAccountName: string;
  /** The mode in use (never `AUTO`). */
  public readonly mode: IdentityMode;
  /** Why this mode was chosen. */
  public readonly modeReason: string;
  /** The role the service account gets. */
  public readonly role: iam.IRole;
  /**
   * ARN of the role, literal when the stack's account is known and the role has a name.
   */
  public readonly roleArn: string;
  /** The principal to grant permissions to. */
  public readonly grantPrincipal: iam.IPrincipal;
  /** Whether the pod identity association disables session tags (the trust is then unscoped). */
  public readonly sessionTagsDisabled: boolean;
  /**
   * The pod identity association.
   * @default - none in IRSA mode
   */
  public readonly association?: eks.CfnPodIdentityAssociation;
  /**
   * The service account objects written into the clusters' charts (one per cluster).
   */
  public readonly serviceAccounts: KubernetesServiceAccount[] = [];

  private readonly createdRole?: InlinePolicyRole;
  private readonly clusters: IIdentityCluster[];
  private readonly wildcard: boolean;
  private readonly irsaTransition: boolean;
  private targetRoleArn?: string;
  private targetRoleOwner?: string;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    this.cluster = props.cluster;
    const namespace = props.namespace ?? props.controller?.namespace;
    const serviceAccountName = props.serviceAccountName ?? props.controller?.serviceAccountName;
    if (namespace === undefined || serviceAccountName === undefined) {
      throwIdentityError(this, `${namespace === undefined ? 'namespace' : 'serviceAccountName'} is not set`,
        'set namespace and serviceAccountName, or pass a controller from the catalog (controller: ControllerIdentity.awsLoadBalancerController(), ...)');
    }
    this.namespace = namespace;
    this.serviceAccountName = serviceAccountName;
    this.clusters = [props.cluster, ...(props.additionalClusters ?? [])];
    this.validateClusters();
    this.wildcard = props.allowWildcardSubject ?? false;
    this.irsaTransition = props.irsaTransition ?? false;
    if (props.targetRoleArn !== undefined) {
      throwIfProblem(this, targetRoleArnProblem(asTemplateText(this, props.targetRoleArn), 'targetRoleArn', { partition: knownPartition(Stack.of(this)) }));
    }
    this.targetRoleArn = props.targetRoleArn;
    this.sessionTagsDisabled = props.disableSessionTags ?? false;
    this.validateNames(props);
    // Claimed even without a ServiceAccount object: two identities for one service account would
    // fight over its annotation and its pod identity association.
    if (!this.wildcard) for (const cluster of this.clusters) claimServiceAccount(cluster, this, this.namespace, this.serviceAccountName);

    const selection = selectIdentityMode({
      requested: props.mode ?? IdentityMode.AUTO,
      platform: props.platform ?? WorkloadPlatform.LINUX_EC2,
      wildcardSubject: this.wildcard,
      multipleClusters: this.clusters.length > 1,
      clusterReason: this.wildcard ? props.cluster.podIdentityUnavailableReason : props.cluster.podIdentityUnavailableReasonFor(this.namespace),
      clusterCaution: props.cluster.autoMode || props.cluster.podIdentityAgentInstalled !== undefined ? undefined
        : `the eks-pod-identity-agent is not known to be installed in cluster ${props.cluster.node.path}`,
      workloadReason: props.podIdentityUnsupportedReason ?? props.controller?.podIdentityUnsupportedReason(),
    });
    if (selection.podIdentityImpossible) {
      throwIdentityError(this, `POD_IDENTITY cannot work here: ${selection.podIdentityImpossible}`,
        'use IdentityMode.IRSA, or IdentityMode.AUTO to let the library choose');
    }
    this.mode = selection.mode;
    this.modeReason = selection.reason;
    if (this.mode === IdentityMode.POD_IDENTITY) recordPodIdentityNamespace(props.cluster, this, this.namespace);
    if (selection.podIdentityCaution) {
      Annotations.of(this).addWarningV2('cdk-eks-identity:podIdentityAgentUnknown',
        `pod identity was requested, but ${selection.podIdentityCaution}: without the agent, pods get no credentials. `
        + 'Fix: say podIdentityAgentInstalled: true where you import the cluster if the agent runs there (aws eks describe-addon --addon-name eks-pod-identity-agent), '
        + 'or use IdentityMode.IRSA (AUTO picks it)');
    }
    this.validateModeOptions(props);
    const statements = [...(props.controller?.statements(this) ?? []), ...(props.statements ?? [])];
    const managedPolicies = [...(props.controller?.managedPolicies() ?? []), ...(props.managedPolicies ?? [])];

    if (props.role) {
      this.role = props.role;
      this.roleArn = knownRoleArn(props.role);
      // Judged once the app is built: the trust as the template will hold it, after later changes.
      Aspects.of(this).add({ visit: (node) => { if (node === this) this.warnIfForeignTrustCannotWork(props.role!); } });
    } else {
      const roleName = props.roleName ?? Names.uniqueResourceName(this, { maxLength: MAX_ROLE_NAME_LENGTH, separator: '-' });
      throwIfProblem(this, roleNameProblem(asTemplateText(this, roleName), 'roleName'));
      const rolePath = props.rolePath ?? '/';
      throwIfProblem(this, iamPathProblem(asTemplateText(this, rolePath), 'rolePath'));
      this.createdRole = new InlinePolicyRole(this, 'Role', {
        roleName,
        assumedBy: this.mode === IdentityMode.IRSA
          ? new iam.FederatedPrincipal(props.cluster.openIdConnectProviderArn, {}, IRSA_ACTION)
          : new iam.ServicePrincipal(POD_IDENTITY_PRINCIPAL),
        managedPolicies: managedPolicies.length > 0 ? managedPolicies : undefined,
        description: props.roleDescription,
        path: props.rolePath,
        permissionsBoundary: props.permissionsBoundary,
      });
      this.role = this.createdRole;
      const literalArn = !Token.isUnresolved(roleName) && !Token.isUnresolved(rolePath);
      this.roleArn = literalArn ? roleArnFromName(Stack.of(this), roleName, rolePath) : this.createdRole.roleArn;
      const trust = this.buildTrust();
      this.validateTrustSize(trust);
      this.createdRole.setTrust(renderTrustDocument(trust));
    }
    this.grantPrincipal = this.role.grantPrincipal;
    for (const statement of statements) this.addToPrincipalPolicy(statement);
    if (props.role) for (const policy of managedPolicies) props.role.addManagedPolicy(policy);

    if (this.mode === IdentityMode.POD_IDENTITY) {
      if (props.createAssociation ?? true) {
        this.association = this.createAssociation(props);
      } else if (props.targetRoleArn !== undefined || props.sessionPolicy !== undefined || props.disableSessionTags !== undefined) {
        throwIdentityError(this, 'targetRoleArn, sessionPolicy and disableSessionTags are settings of the pod identity association, and createAssociation is false',
          'set them where the association is made, or remove them');
      }
    } else if (this.wildcard) {
      // The rule pack holds a pattern that spans namespaces as an error (EKSID-IRSA-003), one within a
      // namespace as a warning (EKSID-IRSA-004): the opt-in builds both, the warning says which.
      const spansNamespaces = /[*?]/.test(this.namespace);
      Annotations.of(this).addWarningV2('cdk-eks-identity:wildcardSubject',
        `IRSA subject system:serviceaccount:${this.namespace}:${this.serviceAccountName} is a wildcard: every matching service account can assume ${this.roleArn}`
        + (spansNamespaces ? '; it spans namespaces, which EksIdentityChecks reports as an error (EKSID-IRSA-003) unless you suppress it with a reason' : '')
        + '. Fix: name the namespace and service account exactly (no * or ?), one identity per service account; if every matching one should have the role, '
        + 'acknowledge it: Annotations.of(identity).acknowledgeWarning(\'cdk-eks-identity:wildcardSubject\', \'<reason>\')');
    }
    if (!this.wildcard && (props.createServiceAccount ?? true)) this.createServiceAccounts(props);
  }

  /** Adds a statement to the role's permissions (inline in the role it creates). */
  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    return this.grantPrincipal.addToPrincipalPolicy(statement);
  }

  /** Attaches a managed policy to the role. */
  public addManagedPolicy(policy: iam.IManagedPolicy): void {
    this.role.addManagedPolicy(policy);
  }

  /**
   * Sets the cross-account target role of the pod identity association (used by
   * `PodIdentityTargetRole`).
   * @internal
   */
  public _useTargetRole(target: Construct, targetRoleArn: string): void {
    if (this.mode !== IdentityMode.POD_IDENTITY || !this.association) {
      throwIdentityError(target, `a cross-account target role needs a pod identity association, and ${this.node.path} uses ${this.mode} (${this.modeReason})`,
        'use IdentityMode.POD_IDENTITY for the identity (with createAssociation left on)');
    }
    if (this.targetRoleArn !== undefined) {
      throwIdentityError(target, `${this.node.path} already chains to target role ${this.targetRoleOwner ?? this.targetRoleArn}; an association has one target role`,
        'give each identity at most one target role: remove targetRoleArn or the other PodIdentityTargetRole, or make a second identity for the other account');
    }
    this.targetRoleOwner = target.node.path;
    this.targetRoleArn = targetRoleArn;
    this.association.targetRoleArn = targetRoleArn;
    this.grantTargetRoleAssumption(targetRoleArn);
  }

  /** The trust document of the role the library creates. */
  private buildTrust(): TrustDocument {
    if (this.mode === IdentityMode.IRSA) return trustDocument(this.irsaTrustStatements());
    const podIdentity = this.podIdentityTrustStatement();
    return trustDocument(this.irsaTransition ? [podIdentity, ...this.irsaTrustStatements()] : [podIdentity]);
  }

  private podIdentityTrustStatement(): TrustStatement {
    return podIdentityTrustStatement(this.sessionTagsDisabled ? undefined : {
      clusterArn: this.cluster.clusterArn,
      namespace: this.namespace,
      serviceAccount: this.serviceAccountName,
    });
  }

  private irsaTrustStatements(): TrustStatement[] {
    const subject = serviceAccountSubject(this.namespace, this.serviceAccountName);
    return this.clusters.map((cluster) => irsaTrustStatement({
      providerArn: cluster.openIdConnectProviderArn,
      issuer: cluster.openIdConnectIssuer,
      subject,
      wildcard: this.wildcard,
    }));
  }

  /** Fails at synth when the trust can exceed IAM's default quota (deploy-time values counted at their longest). */
  private validateTrustSize(trust: TrustDocument): void {
    const size = trustSize(trust, { clusters: this.clusters, namespace: this.namespace, serviceAccount: this.serviceAccountName });
    if (size > TRUST_POLICY_DEFAULT_QUOTA) {
      throwIdentityError(this,
        `the role trust policy can reach ${size} characters without whitespace (IAM's default quota is ${TRUST_POLICY_DEFAULT_QUOTA}; values only known at deploy time were counted at their longest)`,
        this.clusters.length > 1
          ? 'trust fewer clusters with one role (split the identity), or use pod identity, which has no per-cluster trust'
          : 'use shorter namespace/service account names, or give the cluster a literal name');
    }
  }

  /**
   * One trust statement and one service account per cluster: each cluster once, told apart by its
   * OIDC issuer, so the same cluster imported twice (two constructs, one issuer) counts once.
   */
  private validateClusters(): void {
    const issuers = this.clusters.map((cluster) => asTemplateText(this, cluster.openIdConnectIssuer));
    const keys = issuers.map((issuer) => issuer.toLowerCase());
    this.clusters.forEach((cluster, index) => {
      const first = keys.indexOf(keys[index]);
      if (first === index) return;
      const fix = 'list each other cluster once in additionalClusters; the identity\'s own cluster is always trusted';
      if (this.clusters[first] === cluster) {
        throwIdentityError(this, first === 0
          ? `additionalClusters lists the identity's own cluster ${cluster.node.path}`
          : `additionalClusters lists cluster ${cluster.node.path} twice`, fix);
      }
      const issuer = isKnown(issuers[index]) ? issuers[index] : 'the same deploy-time value';
      throwIdentityError(this, `${first === 0
        ? `additionalClusters lists cluster ${cluster.node.path}, which has the OIDC issuer of the identity's own cluster ${this.clusters[first].node.path}`
        : `additionalClusters lists clusters ${this.clusters[first].node.path} and ${cluster.node.path}, which have the same OIDC issuer`} (${issuer}): `
        + 'they are one cluster imported twice, and its trust statement and service account would be written twice',
      `${fix}: import the cluster once and use that construct everywhere`);
    });
  }

  private validateNames(props: WorkloadIdentityProps): void {
    // A wildcard subject is judged as a pattern: each wildcard standing for one letter.
    const judged = (value: string, problemOf: (name: string) => Problem | undefined) => (this.wildcard
      ? namePatternProblem(asTemplateText(this, value), problemOf) : problemOf(asTemplateText(this, value)));
    throwIfProblem(this, judged(this.namespace, (name) => namespaceNameProblem(name)));
    throwIfProblem(this, judged(this.serviceAccountName, (name) => serviceAccountNameProblem(name)));
    if (props.role) {
      const created = (['roleName', 'rolePath', 'permissionsBoundary', 'roleDescription'] as const).filter((name) => props[name] !== undefined);
      if (created.length > 0) {
        throwIdentityError(this, `${created.join(', ')} ${created.length === 1 ? 'describes' : 'describe'} the role the library creates, and role brings your own`,
          `set ${created.join(', ')} to shape the role the library creates, or role to bring your own, not both`);
      }
    }
  }

  private validateModeOptions(props: WorkloadIdentityProps): void {
    const irsa = this.mode === IdentityMode.IRSA;
    const podOnly: Array<[string, unknown]> = [
      ['disableSessionTags', props.disableSessionTags], ['sessionPolicy', props.sessionPolicy], ['targetRoleArn', props.targetRoleArn],
      ['irsaTransition', props.irsaTransition],
    ];
    // During an IRSA transition the service account keeps its IRSA annotations.
    const irsaOnly: Array<[string, unknown]> = this.irsaTransition ? [] : [['tokenExpiration', props.tokenExpiration]];
    for (const [name, value] of irsa ? podOnly : irsaOnly) {
      if (value !== undefined) {
        throwIdentityError(this, `${name} does not apply to ${this.mode} (${this.modeReason})`,
          `remove ${name}, or set mode to ${irsa ? 'IdentityMode.POD_IDENTITY' : 'IdentityMode.IRSA'}`);
      }
    }
    if (props.sessionPolicy) throwIfProblem(this, sessionPolicyProblem(asTemplateText(this, Stack.of(this).toJsonString(props.sessionPolicy))));
    if (props.sessionPolicy && !props.disableSessionTags) {
      throwIdentityError(this, 'a session policy requires session tags to be disabled (EKS rejects Policy without DisableSessionTags)',
        'set disableSessionTags: true, or remove sessionPolicy');
    }
    if (props.tokenExpiration && !props.tokenExpiration.isUnresolved() && props.tokenExpiration.toSeconds() < MIN_TOKEN_EXPIRATION_SECONDS) {
      throwIdentityError(this, `tokenExpiration is ${props.tokenExpiration.toSeconds()} seconds; Kubernetes requires at least ${MIN_TOKEN_EXPIRATION_SECONDS}`,
        'use Duration.minutes(10) or more');
    }
    if (this.sessionTagsDisabled) {
      Annotations.of(this).addWarningV2('cdk-eks-identity:sessionTagsDisabled',
        `session tags are disabled: the trust of ${this.node.path} cannot be scoped to cluster, namespace and service account; any pod identity association in this account that names the role can use it. `
        + 'Fix: keep session tags on unless you need a session policy or more than the session tag limit, and keep iam:PassRole for this role to the people who make associations');
    }
  }

  private createAssociation(props: WorkloadIdentityProps): eks.CfnPodIdentityAssociation {
    const association = new eks.CfnPodIdentityAssociation(this, 'Association', {
      clusterName: props.cluster.clusterName,
      namespace: this.namespace,
      serviceAccount: this.serviceAccountName,
      roleArn: this.role.roleArn,
      targetRoleArn: this.targetRoleArn,
      disableSessionTags: props.disableSessionTags,
      policy: props.sessionPolicy ? Stack.of(this).toJsonString(props.sessionPolicy) : undefined,
    });
    if (props.cluster.podIdentityAgent) association.node.addDependency(props.cluster.podIdentityAgent);
    if (this.targetRoleArn) this.grantTargetRoleAssumption(this.targetRoleArn);
    return association;
  }

  private grantTargetRoleAssumption(targetRoleArn: string): void {
    this.addToPrincipalPolicy(new iam.PolicyStatement({ actions: POD_IDENTITY_ACTIONS, resources: [targetRoleArn] }));
  }

  private createServiceAccounts(props: WorkloadIdentityProps): void {
    const annotations: { [key: string]: string } = {};
    if (this.mode === IdentityMode.IRSA || this.irsaTransition) {
      annotations[IRSA_ROLE_ARN_ANNOTATION] = this.roleArn;
      if (props.tokenExpiration) annotations[IRSA_TOKEN_EXPIRATION_ANNOTATION] = `${props.tokenExpiration.toSeconds()}`;
    }
    this.clusters.forEach((cluster, index) => {
      this.serviceAccounts.push(new KubernetesServiceAccount(this, index === 0 ? 'ServiceAccount' : `ServiceAccount${index}`, {
        cluster,
        namespace: this.namespace,
        name: this.serviceAccountName,
        createNamespace: props.createNamespace,
        annotations,
      }));
    });
  }

  private warnIfForeignTrustCannotWork(role: iam.IRole): void {
    const problem = broughtRoleTrustProblem(role, {
      mode: this.mode,
      cluster: this.cluster,
      namespace: this.namespace,
      serviceAccount: this.serviceAccountName,
      sessionTagsDisabled: this.sessionTagsDisabled,
    });
    if (problem) {
      Annotations.of(this).addWarningV2('cdk-eks-identity:roleTrust',
        `the role you brought cannot work for ${this.mode}: ${problem}. Its trust is left as you made it. `
        + `Fix: ${this.mode === IdentityMode.IRSA
          ? 'trust the cluster\'s OIDC provider for sts:AssumeRoleWithWebIdentity with StringEquals on <issuer>:sub (this service account) and <issuer>:aud (sts.amazonaws.com)'
          : 'trust pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession'} in the role, or let the library create the role (leave role out)`);
    }
  }
}
