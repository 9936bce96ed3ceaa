import { podIdentityRequest } from '../checks/model/trust-requests';
import { AssociationModel, CheckModel, ClusterModel, IrsaStatement, RoleModel } from '../checks/template-model';
import { isKnown } from '../core/deploy-time';
import { POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL } from '../core/pod-identity';
import { TrustScope } from '../core/trust/trust-scope';
import { podIdentityAllowed, podIdentityGrantsAction, podIdentityRefusals } from '../core/trust/trust-semantics';

/*
 * The core's trust semantics in the report's words: how tightly a trust is scoped (`TrustScope`)
 * and a line that says so. IRSA subjects and audiences are classified by the core
 * (`core/trust/irsa-scope`); the pod identity verdict is shared by the report, the diff and the
 * test helpers.
 */

/**
 * Whether an IRSA grant is for a cluster: its provider belongs to the cluster, or its ARN is the
 * cluster's provider ARN as written in the templates.
 */
export function irsaStatementIsFor(model: CheckModel, irsa: IrsaStatement, roleStack: string,
  cluster: ClusterModel | undefined, providerArnText: string | undefined, providerStack: string | undefined): boolean {
  const provider = irsa.provider;
  if (cluster && provider?.clusterKey !== undefined && model.clusterOfKey(provider.clusterKey, provider.stackName) === cluster) return true;
  if (providerArnText === undefined) return false;
  if (isKnown(providerArnText)) return irsa.providerArn === providerArnText;
  return roleStack === providerStack && irsa.providerArn === providerArnText;
}

/** The verdict on whether a pod identity association gets a role's credentials. */
export interface PodTrustVerdict {
  readonly admitted: boolean;
  readonly scope: TrustScope;
  readonly description: string;
  /** Why the trust does not let the association in. */
  readonly problem?: string;
}

/**
 * Whether the pods of a pod identity association get the role's credentials (by the core's trust
 * semantics), and how tightly the trust is scoped.
 */
export function podIdentityVerdict(model: CheckModel, role: RoleModel, association: AssociationModel): PodTrustVerdict {
  const trust = model.trustOf(role);
  const missing = POD_IDENTITY_ACTIONS.filter((action) => !podIdentityGrantsAction(trust, action));
  if (missing.length > 0) {
    return {
      admitted: false,
      scope: TrustScope.NOT_TRUSTED,
      description: 'trust does not let EKS Pod Identity in',
      problem: `its trust does not allow ${POD_IDENTITY_PRINCIPAL} ${missing.join(' and ')}`,
    };
  }
  const request = podIdentityRequest(model, association);
  const allowed = podIdentityAllowed(trust, request);
  if (allowed === false) {
    return {
      admitted: false,
      scope: TrustScope.NOT_TRUSTED,
      description: association.disableSessionTags ? 'the trust needs session tags, which the association disables' : 'session tags do not match the association',
      problem: association.disableSessionTags
        ? 'the association disables session tags, but the trust conditions aws:RequestTag keys (no tags arrive, so it denies)'
        : `the trust requires ${podIdentityRefusals(trust, request)
          .map((c) => `${c.operator} ${c.key} = ${c.values.map((v) => model.describe(v, role.stackName)).join(' or ')}`).join(' and ') || 'other session tags'}`,
    };
  }
  if (association.disableSessionTags) {
    return { admitted: true, scope: TrustScope.SESSION_TAGS_DISABLED, description: 'session tags disabled (the trust cannot be scoped)' };
  }
  // The loosest statement that lets it in decides how tightly the role is held.
  const grants = trust.podIdentity.filter((g) => g.allowsAssumeRole);
  const loosest = grants.reduce((a, b) => rank(b) < rank(a) ? b : a, grants[0]);
  if (loosest.clusterPinned && loosest.namespacePinned && loosest.serviceAccountPinned) {
    return { admitted: true, scope: TrustScope.SESSION_TAGS, description: 'session tags: cluster+namespace+SA' };
  }
  if (rank(loosest) === 0) {
    return { admitted: true, scope: TrustScope.ANY_ASSOCIATION, description: 'unscoped: any association in the account (no session tag conditions)' };
  }
  const words = [loosest.clusterPinned ? 'cluster' : '', loosest.namespacePinned ? 'namespace' : '', loosest.serviceAccountPinned ? 'SA' : ''].filter((w) => w);
  return { admitted: true, scope: TrustScope.PARTIAL_SESSION_TAGS, description: `session tags: ${words.join('+')} only` };
}

function rank(grant: { clusterPinned: boolean; namespacePinned: boolean; serviceAccountPinned: boolean }): number {
  return Number(grant.clusterPinned) + Number(grant.namespacePinned) + Number(grant.serviceAccountPinned);
}
