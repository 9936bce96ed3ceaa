import { clusterIdentity } from './cluster-identity';
import { RbacObjectSnapshot, rbacSnapshot } from './rbac-snapshot';
import { roleMatchKeys } from './role-pairs';
import { RoleSnapshot, roleSnapshot } from './role-snapshot';
import { CheckInput } from '../checks/check-types';
import { AccessEntryModel, AssociationModel, CheckModel, RoleModel, roleLabel } from '../checks/template-model';
import { accessPolicyNameOfArn } from '../core/access-entry-rules';
import { AccessScopeType } from '../core/access-policy';
import { isKnown } from '../core/deploy-time';
import { issuerOfUrlText } from '../core/trust/issuer-keys';
import { principalName } from '../report/permissions';
import { podIdentityVerdict } from '../report/trust-analysis';

/*
 * Everything the identity diff compares in one assembly, each thing under a key that stays the
 * same across assemblies: roles by their literal name (else `<stack>/<logicalId>`, see
 * `roleMatchKeys`), associations by cluster, namespace and service account, access entries by
 * cluster and principal, OIDC providers by cluster (or issuer), RBAC objects by cluster, kind,
 * namespace and name. A principal, association role or target role that is a role of the
 * templates is known as that role is, so a named role whose construct moves keeps its access
 * entries and associations. Clusters are matched as `clusterIdentity` says: by stack and name
 * (or logical id) when defined in the templates, by name when made elsewhere.
 */

/** An EKS Pod Identity association (standalone or of an add-on). */
export interface AssociationSnapshot {
  /** `<cluster id>|<namespace or add-on>|<service account>` (see `clusterIdentity`). */
  readonly key: string;
  readonly clusterLabel: string;
  /** `app/writer`, or `writer (add-on aws-ebs-csi-driver)`. */
  readonly serviceAccountLabel: string;
  readonly stackName: string;
  readonly logicalId: string;
  /** The role: its match key when in the templates (see `roleMatchKeys`), else its ARN as written. */
  readonly role: string;
  readonly roleLabel: string;
  /** The cross-account target role (`TargetRoleArn`): the role's match key when in the templates, else its ARN as written. */
  readonly targetRole?: string;
  readonly targetRoleLabel?: string;
  /** `TargetRoleArn` as written. */
  readonly targetRoleArn?: string;
  readonly sessionTagsDisabled: boolean;
  /** The session policy as text. */
  readonly sessionPolicy?: string;
  /** Whether the role's trust lets the association in (undefined when the role is not in the templates). */
  readonly admitted?: boolean;
  /** Why not, or how tightly. */
  readonly verdict: string;
}

/** One access policy of an access entry. */
export interface AccessPolicySnapshot {
  readonly name: string;
  readonly scope: AccessScopeType;
  /** Sorted; empty at cluster scope. */
  readonly namespaces: string[];
}

/** An EKS access entry. */
export interface AccessEntrySnapshot {
  /** `<cluster id>|<principal>` (see `clusterIdentity`; the principal as `roleKeyOf` says). */
  readonly key: string;
  /** The cluster's id (see `clusterIdentity`). */
  readonly clusterId: string;
  readonly clusterLabel: string;
  readonly principalLabel: string;
  readonly stackName: string;
  readonly logicalId: string;
  readonly type: string;
  readonly username?: string;
  /** Sorted. */
  readonly groups: string[];
  /** By policy name. */
  readonly policies: Map<string, AccessPolicySnapshot>;
}

/** An IAM OIDC provider. */
export interface ProviderSnapshot {
  /** `cluster:<cluster id>` for a cluster's provider, else `oidc:<issuer>`. */
  readonly key: string;
  readonly label: string;
  readonly stackName: string;
  readonly logicalId: string;
  /** The audiences (client ids), sorted. */
  readonly clientIds: string[];
}

/** One assembly, as the diff compares it. */
export interface IdentitySnapshot {
  readonly roles: Map<string, RoleSnapshot>;
  readonly associations: Map<string, AssociationSnapshot>;
  readonly accessEntries: Map<string, AccessEntrySnapshot>;
  readonly providers: Map<string, ProviderSnapshot>;
  readonly rbac: Map<string, RbacObjectSnapshot>;
}

/** How the diff knows each role of the templates (see `roleMatchKeys`). */
type MatchKeys = Map<RoleModel, string>;

/**
 * A role ARN as a stable key: the role's match key when it is in the templates (its literal name
 * when it has one), the ARN when literal, else `<stack>:<text>`.
 */
function roleKeyOf(model: CheckModel, matchKeys: MatchKeys, arn: string, stackName: string): { key: string; role?: RoleModel } {
  const role = model.roleByArn(arn, stackName);
  if (role) return { key: matchKeys.get(role)!, role };
  return { key: isKnown(arn) ? arn : `${stackName}:${arn}` };
}

/** The roles a service account can get: trusted by IRSA or pod identity, used by an association, a target role or an IRSA annotation. */
function identityRoles(model: CheckModel): Set<RoleModel> {
  const roles = new Set<RoleModel>();
  for (const role of model.roles) {
    if (model.irsaStatements(role).length > 0 || model.podIdentityStatements(role).length > 0) roles.add(role);
  }
  for (const a of model.associations) {
    for (const arn of [a.roleArn, a.targetRoleArn]) {
      const role = arn === undefined ? undefined : model.roleByArn(arn, a.stackName);
      if (role) roles.add(role);
    }
  }
  for (const sa of model.serviceAccounts) {
    const role = sa.roleArn === undefined ? undefined : model.roleByArn(sa.roleArn, sa.stackName);
    if (role) roles.add(role);
  }
  return roles;
}

function associationSnapshot(model: CheckModel, matchKeys: MatchKeys, a: AssociationModel): AssociationSnapshot {
  const { key: role, role: roleModel } = roleKeyOf(model, matchKeys, a.roleArn, a.stackName);
  const target = a.targetRoleArn === undefined ? undefined : roleKeyOf(model, matchKeys, a.targetRoleArn, a.stackName);
  const verdict = roleModel ? podIdentityVerdict(model, roleModel, a) : undefined;
  const where = a.namespace ?? `add-on ${a.addonName}`;
  const cluster = clusterIdentity(model, a.clusterKey, a.stackName);
  return {
    key: `${cluster.id}|${where}|${a.serviceAccount}`,
    clusterLabel: cluster.label,
    serviceAccountLabel: a.namespace !== undefined ? `${a.namespace}/${a.serviceAccount}` : `${a.serviceAccount} (${where})`,
    stackName: a.stackName,
    logicalId: a.logicalId,
    role,
    roleLabel: roleModel ? `role ${roleLabel(roleModel)}` : model.describe(a.roleArn, a.stackName),
    ...(target ? {
      targetRole: target.key,
      targetRoleLabel: target.role ? `role ${roleLabel(target.role)}` : model.describe(a.targetRoleArn!, a.stackName),
      targetRoleArn: a.targetRoleArn,
    } : {}),
    sessionTagsDisabled: a.disableSessionTags,
    ...(a.sessionPolicy !== undefined ? { sessionPolicy: a.sessionPolicy } : {}),
    ...(verdict ? { admitted: verdict.admitted } : {}),
    verdict: verdict ? (verdict.problem ?? verdict.description) : 'role not in the templates: trust unknown',
  };
}

function accessEntrySnapshot(model: CheckModel, matchKeys: MatchKeys, e: AccessEntryModel): AccessEntrySnapshot {
  const principal = roleKeyOf(model, matchKeys, e.principalArn, e.stackName).key;
  const cluster = clusterIdentity(model, e.clusterKey, e.stackName);
  return {
    key: `${cluster.id}|${principal}`,
    clusterId: cluster.id,
    clusterLabel: cluster.label,
    principalLabel: principalName(model, e.principalArn, e.stackName),
    stackName: e.stackName,
    logicalId: e.logicalId,
    type: e.type,
    ...(e.username !== undefined ? { username: e.username } : {}),
    groups: [...e.groups].sort(),
    policies: new Map(e.accessPolicies.map((p) => {
      const name = accessPolicyNameOfArn(p.policyArn);
      const scope = p.scopeType === AccessScopeType.NAMESPACE ? AccessScopeType.NAMESPACE : AccessScopeType.CLUSTER;
      return [name, { name, scope, namespaces: scope === AccessScopeType.NAMESPACE ? [...p.namespaces].sort() : [] }];
    })),
  };
}

/** The snapshot of templates (and their Kubernetes objects). */
export function takeSnapshot(inputs: CheckInput[]): IdentitySnapshot {
  const model = CheckModel.build(inputs);
  const identity = identityRoles(model);
  const matchKeys = roleMatchKeys(model.roles);
  const providers = new Map<string, ProviderSnapshot>();
  for (const p of model.providers) {
    const cluster = p.clusterKey === undefined ? undefined : clusterIdentity(model, p.clusterKey, p.stackName);
    const key = cluster !== undefined ? `cluster:${cluster.id}` : `oidc:${issuerOfUrlText(p.url)}`;
    providers.set(key, {
      key,
      label: cluster !== undefined ? `OIDC provider of ${cluster.label}` : `OIDC provider ${p.url}`,
      stackName: p.stackName,
      logicalId: p.logicalId,
      clientIds: [...p.clientIds].sort(),
    });
  }
  return {
    roles: new Map(model.roles.map((role) => roleSnapshot(model, role, identity.has(role), matchKeys.get(role)!)).map((r) => [r.key, r])),
    associations: new Map(model.associations.map((a) => associationSnapshot(model, matchKeys, a)).map((a) => [a.key, a])),
    accessEntries: new Map(model.accessEntries.map((e) => accessEntrySnapshot(model, matchKeys, e)).map((e) => [e.key, e])),
    providers,
    rbac: rbacSnapshot(model, inputs),
  };
}
