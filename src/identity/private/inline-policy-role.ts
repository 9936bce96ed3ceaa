import { Lazy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * Properties of {@link InlinePolicyRole}.
 */
export interface InlinePolicyRoleProps {
  readonly roleName: string;
  /** Placeholder principal for the L2 role; the real trust is set by `setTrust`. */
  readonly assumedBy: iam.IPrincipal;
  readonly managedPolicies?: iam.IManagedPolicy[];
  readonly description?: string;
  readonly path?: string;
  readonly permissionsBoundary?: iam.IManagedPolicy;
}

/**
 * An IAM role that keeps every permission it is granted in its own inline policy, so an identity
 * costs one CloudFormation resource instead of a role plus an `AWS::IAM::Policy`.
 * `bucket.grantRead(role)` lands in the role's `Policies` property.
 */
export class InlinePolicyRole extends iam.Role {
  private readonly permissions = new iam.PolicyDocument();

  constructor(scope: Construct, id: string, props: InlinePolicyRoleProps) {
    super(scope, id, {
      roleName: props.roleName,
      assumedBy: props.assumedBy,
      managedPolicies: props.managedPolicies,
      description: props.description,
      path: props.path,
      permissionsBoundary: props.permissionsBoundary,
    });
    const cfnRole = this.node.defaultChild as iam.CfnRole;
    cfnRole.policies = Lazy.any({
      produce: () => (this.permissions.isEmpty ? undefined : [{ policyName: 'workload-permissions', policyDocument: this.permissions }]),
    }) as any;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.permissions.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }

  /** Replaces the trust policy with a rendered document (an object or a JSON string token). */
  public setTrust(rendered: any): void {
    (this.node.defaultChild as iam.CfnRole).assumeRolePolicyDocument = rendered;
  }
}
