import { conditionsOn, isLikeOperator, isRestricting, PolicyStatement, wildcardMatch } from '../model/policy-document';
import { AssociationModel, CheckModel, RoleModel, ServiceAccountModel } from '../template-model';

/** Matches `*` and `?`, the IAM wildcards. */
export const WILDCARD = /[*?]/;

/** The namespace and name parts of a `system:serviceaccount:<ns>:<name>` subject (or pattern). */
export function subjectParts(subject: string): { namespace: string; name: string } | undefined {
  const match = /^system:serviceaccount:([^:]*):(.*)$/.exec(subject);
  return match ? { namespace: match[1], name: match[2] } : undefined;
}

/** One StringLike `:sub` value of an IRSA statement. */
export interface LikeSubject {
  readonly role: RoleModel;
  readonly providerLabel: string;
  readonly subject: string;
  readonly operator: string;
}

/** The StringLike `:sub` values of every IRSA statement. */
export function likeSubjects(model: CheckModel): LikeSubject[] {
  return model.roles.flatMap((role) => model.irsaStatements(role).flatMap(({ statement, providerLabel }) =>
    conditionsOn(statement, ':sub').filter(isLikeOperator).flatMap((condition) =>
      condition.values.map((subject) => ({ role, providerLabel, subject, operator: condition.operator })))));
}

/** Whether the `:sub` conditions of a statement let a subject through (no condition: everyone). */
export function allowsSubject(statement: PolicyStatement, subject: string): boolean {
  return conditionsOn(statement, ':sub').filter(isRestricting).every((condition) => condition.values.some((value) =>
    isLikeOperator(condition) ? wildcardMatch(value, subject)
      : /IgnoreCase/i.test(condition.operator) ? value.toLowerCase() === subject.toLowerCase() : value === subject));
}

/** The pod identity association of a service account (same cluster when known, namespace and name). */
export function associationOf(model: CheckModel, sa: ServiceAccountModel): AssociationModel | undefined {
  return model.associations.find((a) => a.namespace === sa.namespace && a.serviceAccount === sa.name
    && (sa.clusterKey === undefined ? a.stackName === sa.stackName : a.clusterKey === sa.clusterKey));
}

/** The session tags EKS Pod Identity sets that scope a trust to a cluster, namespace and service account. */
export const POD_IDENTITY_SCOPE_TAGS = ['eks-cluster-arn', 'kubernetes-namespace', 'kubernetes-service-account'];

/** Whether a statement restricts an `aws:RequestTag/<tag>` key to something other than `*`. */
export function restrictsRequestTag(statement: PolicyStatement, tag: string): boolean {
  return statement.conditions.some((c) => c.key.toLowerCase() === `aws:requesttag/${tag}` && isRestricting(c) && c.values.some((v) => v !== '*'));
}

/** Whether a statement has any `aws:RequestTag/...` condition. */
export function hasRequestTagCondition(statement: PolicyStatement): boolean {
  return statement.conditions.some((c) => c.key.toLowerCase().startsWith('aws:requesttag/') && isRestricting(c));
}

/** The cluster keys that have pod identity associations, with those associations. */
export function associationsByCluster(model: CheckModel): Map<string, AssociationModel[]> {
  const byCluster = new Map<string, AssociationModel[]>();
  for (const a of model.associations) byCluster.set(a.clusterKey, [...byCluster.get(a.clusterKey) ?? [], a]);
  return byCluster;
}

/** The size of a role's trust policy (no whitespace, deploy-time values at their longest), and whether it is exact. */
export function trustPolicySize(model: CheckModel, role: RoleModel): { size: number; exact: boolean } | undefined {
  if (!role.trust) return undefined;
  return { size: model.worstCaseSize(role.trust, role.stackName), exact: !role.trust.json.includes('${') };
}

/** How a trust policy size is described in messages. */
export function describeSize(size: { size: number; exact: boolean }): string {
  return size.exact ? `${size.size} characters` : `up to ${size.size} characters (an upper bound: deploy-time values counted at their longest)`;
}
