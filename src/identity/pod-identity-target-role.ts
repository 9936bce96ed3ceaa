import { Stack, Token } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { InlinePolicyRole } from './inline-policy-role';
import { podIdentityTargetTrustStatement } from './pod-identity-trust';
import { roleArnFromName, stackPartition } from './role-arn';
import { roleNameProblem } from './role-name';
import { renderTrustDocument, trustDocument } from './trust-document';
import { WorkloadIdentity } from './workload-identity';
import { throwIdentityError } from '../errors';

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
 * role (`ArnEquals aws:PrincipalARN`), with `sts:AssumeRole` and `sts:TagSession`, and — unless
 * the association disables session tags — only for the cluster, namespace and service account in
 * the session tags. The association gets `TargetRoleArn`, and its role the permission to assume it.
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
    const problem = roleNameProblem(props.roleName);
    if (problem || Token.isUnresolved(props.roleName)) {
      throwIdentityError(this, `role name '${props.roleName}' is invalid: ${problem ?? 'it is not known at synth'}`, 'give the target role a literal name of 1-64 characters from [A-Za-z0-9+=,.@_-]');
    }
    const targetStack = Stack.of(this);
    const clusterStack = Stack.of(identity);
    const known = (value: string) => !Token.isUnresolved(value);
    if (!known(targetStack.account) || !known(clusterStack.account) || !known(identity.roleArn)) {
      throwIdentityError(this, 'cross-account pod identity needs both accounts and the association role name known at synth',
        'give both stacks env: { account, region } and the identity a roleName');
    }
    const clusterArn = literalClusterArn(identity);
    if (!clusterArn && !identity.sessionTagsDisabled) {
      throwIdentityError(this, `the ARN of cluster ${identity.cluster.node.path} is not known at synth, so the target role cannot be scoped to it`,
        'give the cluster a literal clusterName and its stack env: { account, region }');
    }

    this.roleArn = roleArnFromName(targetStack, props.roleName);
    const role = new InlinePolicyRole(this, 'Role', {
      roleName: props.roleName,
      assumedBy: new iam.AccountPrincipal(clusterStack.account),
      managedPolicies: props.managedPolicies,
      description: `EKS Pod Identity target role of ${identity.namespace}/${identity.serviceAccountName}`,
    });
    const statement = podIdentityTargetTrustStatement(
      `arn:${stackPartition(targetStack)}:iam::${clusterStack.account}:root`,
      identity.roleArn,
      identity.sessionTagsDisabled ? undefined
        : { clusterArn: clusterArn!, namespace: identity.namespace, serviceAccount: identity.serviceAccountName },
    );
    role.setTrust(renderTrustDocument(trustDocument([statement])));
    this.role = role;
    this.grantPrincipal = role;
    for (const s of props.statements ?? []) role.addToPrincipalPolicy(s);
    identity._useTargetRole(this.roleArn);
  }
}

function literalClusterArn(identity: WorkloadIdentity): string | undefined {
  const cluster = identity.cluster;
  const stack = Stack.of(cluster);
  const arn = stack.resolve(cluster.clusterArn);
  if (typeof arn === 'string') return arn;
  const name = literalClusterName(stack, stack.resolve(cluster.clusterName));
  if (name === undefined || Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) return undefined;
  return `arn:${stackPartition(stack)}:eks:${stack.region}:${stack.account}:cluster/${name}`;
}

/**
 * The cluster name as a literal: the name itself, or — for a cluster created in this app, whose
 * `clusterName` is a `Ref` — the literal `Name` of the `AWS::EKS::Cluster` it refers to.
 */
function literalClusterName(stack: Stack, resolvedName: unknown): string | undefined {
  if (typeof resolvedName === 'string') return resolvedName;
  const ref = (resolvedName as { Ref?: unknown } | undefined)?.Ref;
  if (typeof ref !== 'string') return undefined;
  const cfnCluster = stack.node.findAll()
    .find((c): c is eks.CfnCluster => c instanceof eks.CfnCluster && stack.getLogicalId(c) === ref);
  return cfnCluster && typeof cfnCluster.name === 'string' && !Token.isUnresolved(cfnCluster.name) ? cfnCluster.name : undefined;
}
