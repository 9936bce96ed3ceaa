import { TrustScope } from './report-types';
import { podIdentityRequest } from '../checks/model/trust-requests';
import { AssociationModel, CheckModel, ClusterModel, IrsaStatement, RoleModel } from '../checks/template-model';
import { isKnown } from '../core/deploy-time';
import { IRSA_AUDIENCE, parseServiceAccountSubject } from '../core/irsa';
import { POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL } from '../core/pod-identity';
import { parseOperator } from '../core/trust/condition-evaluation';
import {
  IrsaGrant, keyAllows, KeyMatch, MatchKind, podIdentityAllowed, podIdentityGrantsAction, podIdentityRefusals,
} from '../core/trust/trust-semantics';

/*
 * The core's trust semantics in the report's words: how tightly a trust is scoped (`TrustScope`)
 * and a line that says so. Shared by the report, the diff and the test helpers.
 */

/** The issuer (without `https://`) of an OIDC provider ARN, when it is written out. */
export function issuerOfProviderArn(arn: string): string | undefined {
  return /:oidc-provider\/(.+)$/.exec(arn)?.[1];
}

/** How a trust conditions the `:aud` of IRSA tokens. */
export interface AudienceCheck {
  /** Whether tokens with audience `sts.amazonaws.com` get through (undefined: cannot be told at synth). */
  readonly allowsStsAudience: boolean;
  /** Whether a restricting `:aud` condition exists. */
  readonly restricted: boolean;
  /** Text for descriptions, e.g. ` + audience`. */
  readonly suffix: string;
}

/** The `:aud` conditions of an IRSA grant. */
export function audienceCheck(audience: KeyMatch): AudienceCheck {
  if (audience.kind === MatchKind.ANY) return { allowsStsAudience: true, restricted: false, suffix: ', no audience condition' };
  const allows = keyAllows(audience, IRSA_AUDIENCE) !== false;
  if (audience.kind === MatchKind.EXCEPT) return { allowsStsAudience: allows, restricted: false, suffix: `, audience anything but ${audience.values.join(', ')}` };
  if (allows && audience.kind === MatchKind.EXACT && audience.values.every((v) => v === IRSA_AUDIENCE)) {
    return { allowsStsAudience: true, restricted: true, suffix: ' + audience' };
  }
  return {
    allowsStsAudience: allows,
    restricted: true,
    suffix: audience.kind === MatchKind.EXACT ? `, audience ${audience.values.join(' or ')}` : `, audience pattern ${audience.values.join(' or ')}`,
  };
}

/** One (pattern of) service account(s) an IRSA grant lets in. */
export interface SubjectGrant {
  /** The `:sub` value as written; `*` when there is no `:sub` condition. */
  readonly subject: string;
  /** The namespace (or pattern); `*` when any. */
  readonly namespace: string;
  /** The service account name (or pattern); `*` when any. */
  readonly serviceAccount: string;
  readonly scope: TrustScope;
  readonly description: string;
  readonly audienceRestricted: boolean;
  /** The operators of the `:sub` conditions. */
  readonly operator?: string;
}

/** The service accounts (or patterns) an IRSA grant lets in, with how tightly. */
export function irsaSubjectGrants(grant: IrsaGrant): SubjectGrant[] {
  const audience = audienceCheck(grant.audience);
  const subject = grant.subject;
  const any = (description: string): SubjectGrant => ({
    subject: '*',
    namespace: '*',
    serviceAccount: '*',
    scope: TrustScope.ANY_SERVICE_ACCOUNT,
    description: description + audience.suffix,
    audienceRestricted: audience.restricted,
  });
  if (grant.statement.opaqueConditions) return [{ ...any('conditions only known at deploy time'), scope: TrustScope.UNKNOWN }];
  if (subject.kind === MatchKind.ANY) return [any('unscoped: any service account (no :sub condition)')];
  if (subject.kind === MatchKind.EXCEPT) return [any(`unscoped: any service account but ${subject.values.join(', ')}`)];
  const operator = subject.operators.join('/');
  return subject.values.map((value) => {
    const parts = parseServiceAccountSubject(value);
    const like = subject.conditions.some((c) => c.values.includes(value) && parseOperator(c.operator).like);
    const result = (scope: TrustScope, description: string, namespace = parts?.namespace ?? '*', serviceAccount = parts?.name ?? '*'): SubjectGrant => ({
      subject: value,
      namespace,
      serviceAccount,
      scope,
      description: description + audience.suffix,
      audienceRestricted: audience.restricted,
      operator,
    });
    if (!like || !/[*?]/.test(value)) {
      return parts ? result(TrustScope.EXACT_SUBJECT, 'exact subject')
        : result(TrustScope.NOT_TRUSTED, `subject ${value} is not system:serviceaccount:<namespace>:<name>, so it matches no service account`, '', value);
    }
    if (!parts || (/[*?]/.test(parts.namespace) && /^\*+$/.test(parts.name) && /^\*+$/.test(parts.namespace))) {
      return result(TrustScope.ANY_SERVICE_ACCOUNT, `unscoped: any service account (${value})`);
    }
    if (/[*?]/.test(parts.namespace)) return result(TrustScope.ANY_NAMESPACE, `wildcard across namespaces (${value})`);
    if (/^\*+$/.test(parts.name)) return result(TrustScope.NAMESPACE_WILDCARD, `namespace wildcard (any service account in ${parts.namespace})`);
    return result(TrustScope.NAME_PATTERN, `name pattern (${parts.namespace}/${parts.name})`);
  });
}

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
        : `the trust requires ${podIdentityRefusals(trust, request).map((c) => `${c.operator} ${c.key} = ${c.values.join(' or ')}`).join(' and ') || 'other session tags'}`,
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
