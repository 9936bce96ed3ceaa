import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { InlinePolicyRole } from './private/inline-policy-role';
import { podIdentityTargetTrustStatements, TargetRoleScope } from './private/pod-identity-trust-statement';
import { renderTrustDocument, trustDocument } from './private/trust-document';
import { WorkloadIdentity } from './workload-identity';
import { formatAccountRootArn } from '../core/arn';
import { throwIdentityError, throwIfProblem } from '../core/errors';
import { podIdentityExternalId } from '../core/pod-identity';
import { roleNameProblem } from '../core/role-name';
import { literalClusterArn, literalClusterName } from '../private/cluster-literals';
import { roleArnFromName, stackPartition } from '../private/stack-values';
import { asTemplateText } from '../private/template-text-of';

/**
 * Properties of {@link PodIdentityTargetRole}.
 */
export interface PodIdentityTargetRoleProps {
  /** The pod identity whose association chains into this role. */
  readonly identity: WorkloadIdentity;

  /**
   * Name of the target role. A name is required: both accounts refer to each other's roles by ARN,
   * which must be known at synth.
   */
  readonly roleName: string;

  /**
   * Permissions of the target role, kept inline.
   * @default - none; grant with `bucket.grantRead(targetRole)`
   */
  readonly statements?: iam.PolicyStatement[];

  /**
   * Managed policies attached to the target role.
   * @default - none
   */
  readonly managedPolicies?: iam.IManagedPolicy[];
}

/**
 * The cross-account target role of a pod identity association, created in a stack of the account
 * that owns the resources. Its trust lets the cluster's account assume it only as the association
 * role (`ArnEquals aws:PrincipalARN`), with `sts:AssumeRole` and `sts:TagSession`, and only for
 * the one association: by the cluster, namespace and service account session tags, or — when the
 * association disables session tags — by the association's external id (`sts:ExternalId` =
 * `<region>/<account>/<cluster>/<namespace>/<service account>`), as the EKS user guide
 * documents. The association gets `TargetRoleArn`, and its role the permission to assume it.
 *
 * @example
 * const identity = cluster.addWorkloadIdentity('App', {
 *   namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, roleName: 'app-association',
 * });
 * const target = new PodIdentityTargetRole(dataAccountStack, 'AppTarget', { identity, roleName: 'app-data-access' });
 * bucket.grantRead(target);
 */
export class PodIdentityTargetRole extends Construct implements iam.IGrantable {
  /** The target role. */
  public readonly role: iam.IRole;
  /** ARN of the target role (literal). */
  public readonly roleArn: string;
  /** The principal to grant permissions to. */
  public readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: PodIdentityTargetRoleProps) {
    super(scope, id);
    const identity = props.identity;
    if (Token.isUnresolved(props.roleName)) {
      throwIdentityError(this, 'the target role name is not known at synth', 'give the target role a literal roleName (both accounts refer to it by ARN)');
    }
    throwIfProblem(this, roleNameProblem(asTemplateText(this, props.roleName), 'roleName'));
    const targetStack = Stack.of(this);
    const clusterStack = Stack.of(identity);
    const known = (value: string) => !Token.isUnresolved(value);
    if (!known(targetStack.account) || !known(clusterStack.account) || !known(identity.roleArn)) {
      throwIdentityError(this, 'cross-account pod identity needs both accounts and the association role name known at synth',
        'give both stacks env: { account, region } and the identity a roleName');
    }
    const scopeOfTrust = this.trustScope(identity);

    this.roleArn = roleArnFromName(targetStack, props.roleName);
    const role = new InlinePolicyRole(this, 'Role', {
      roleName: props.roleName,
      assumedBy: new iam.AccountPrincipal(clusterStack.account),
      managedPolicies: props.managedPolicies,
      description: `EKS Pod Identity target role of ${identity.namespace}/${identity.serviceAccountName}`,
    });
    const clusterAccount = formatAccountRootArn(stackPartition(targetStack), clusterStack.account);
    const statements = podIdentityTargetTrustStatements(clusterAccount, identity.roleArn, scopeOfTrust);
    role.setTrust(renderTrustDocument(trustDocument(statements)));
    this.role = role;
    this.grantPrincipal = role;
    for (const s of props.statements ?? []) role.addToPrincipalPolicy(s);
    identity._useTargetRole(this, this.roleArn);
  }

  /** How the trust is tied to the identity's one association: session tags, or its external id. */
  private trustScope(identity: WorkloadIdentity): TargetRoleScope {
    const cluster = identity.cluster;
    if (!identity.sessionTagsDisabled) {
      const clusterArn = literalClusterArn(cluster);
      if (!clusterArn) {
        throwIdentityError(this, `the ARN of cluster ${cluster.node.path} is not known at synth, so the target role cannot be scoped to it`,
          'give the cluster a literal clusterName and its stack env: { account, region }');
      }
      return { sessionTags: { clusterArn, namespace: identity.namespace, serviceAccount: identity.serviceAccountName } };
    }
    const clusterStack = Stack.of(cluster);
    const name = literalClusterName(cluster);
    const parts = [clusterStack.region, clusterStack.account, name, identity.namespace, identity.serviceAccountName];
    if (parts.some((part) => part === undefined || Token.isUnresolved(part))) {
      throwIdentityError(this, `with session tags disabled the target role is scoped by the association's external id, and the region, account or name of cluster ${cluster.node.path} is not known at synth`,
        'give the cluster a literal clusterName and its stack env: { account, region }');
    }
    return { externalId: podIdentityExternalId(clusterStack.region, clusterStack.account, name!, identity.namespace, identity.serviceAccountName) };
  }
}
