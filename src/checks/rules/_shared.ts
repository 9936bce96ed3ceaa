import { partitionOfRegion } from '../../core/arn';
import { serviceAccountSubject } from '../../core/irsa';
import { irsaSubjectPatterns, SubjectPattern } from '../../core/trust/irsa-scope';
import { isExactSize } from '../../core/worst-case';
import { AssociationModel, CheckModel, IrsaStatement, RoleModel, ServiceAccountModel } from '../template-model';

/** One `:sub` value of an IRSA grant of a role, classified by the core (`irsaSubjectPatterns`). */
export interface RoleSubjectPattern extends SubjectPattern {
  readonly role: RoleModel;
  readonly irsa: IrsaStatement;
}

/** The `:sub` values every IRSA grant matches with a `StringLike`-like (not negated) operator, classified by the core. */
export function subjectPatterns(model: CheckModel): RoleSubjectPattern[] {
  return model.roles.flatMap((role) => model.irsaStatements(role).flatMap((irsa) => irsaSubjectPatterns(irsa.grant)
    .filter((p) => p.wildcardOperator)
    .map((p) => ({ ...p, role, irsa }))));
}

/** The size of a role's trust policy (no whitespace, deploy-time values at their longest), and whether it is exact. */
export function trustPolicySize(model: CheckModel, role: RoleModel): { size: number; exact: boolean } | undefined {
  if (!role.trust) return undefined;
  return { size: model.worstCaseSize(role.trust, role.stackName), exact: isExactSize(role.trust.json) };
}

/** How a trust policy size is described in messages. */
export function describeSize(size: { size: number; exact: boolean }): string {
  return size.exact ? `${size.size} characters` : `up to ${size.size} characters (an upper bound: deploy-time values counted at their longest)`;
}

/** The subject of a service account object, for messages. */
export function subjectOf(sa: ServiceAccountModel): string {
  return serviceAccountSubject(sa.namespace, sa.name);
}

/** An association for messages. */
export function describeAssociation(association: AssociationModel): string {
  return association.addonName
    ? `addon ${association.addonName} pod identity association (${association.location})`
    : `pod identity association ${association.logicalId} (${association.namespace}/${association.serviceAccount})`;
}

/** The partition of a stack, when its region is known (`CheckInput.region`). */
export function stackPartitionOf(model: CheckModel, stackName: string): string | undefined {
  const region = model.findStack(stackName)?.region;
  return region === undefined ? undefined : partitionOfRegion(region);
}
