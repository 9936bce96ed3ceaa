import { TrustScope } from './report-types';
import { isLiteral } from '../checks/model/intrinsics';
import {
  allowsAction, conditionsOn, isLikeOperator, isRestricting, PolicyCondition, PolicyStatement, wildcardMatch,
} from '../checks/model/policy-document';
import { POD_IDENTITY_SCOPE_TAGS, restrictsRequestTag, subjectParts, WILDCARD } from '../checks/rules/_shared';
import { AssociationModel, CheckModel, ClusterModel, IrsaStatement, RoleModel } from '../checks/template-model';
import { IRSA_AUDIENCE } from '../identity/irsa-trust';
import { POD_IDENTITY_ACTIONS } from '../identity/pod-identity-trust';

/*
 * What a trust policy lets in, judged on the library's own trust shapes over the checks' template
 * model: IRSA (Federated OIDC provider, `:sub` and `:aud` conditions) and EKS Pod Identity
 * (pods.eks.amazonaws.com, `aws:RequestTag/...` conditions). Shared by the report and the test
 * helpers. Not a general IAM evaluator.
 */

/** The cluster a cluster key means for a resource of a stack: the one in that stack, else the only one anywhere. */
export function clusterOfKey(model: CheckModel, key: string | undefined, stackName: string): ClusterModel | undefined {
  if (key === undefined) return undefined;
  const inStack = model.clusters.find((c) => c.key === key && c.stackName === stackName);
  if (inStack) return inStack;
  const all = model.clusters.filter((c) => c.key === key);
  return all.length === 1 ? all[0] : undefined;
}

/** The issuer (without `https://`) of an OIDC provider ARN, when it is written out. */
export function issuerOfProviderArn(arn: string): string | undefined {
  return /:oidc-provider\/(.+)$/.exec(arn)?.[1];
}

/** How a trust conditions the `:aud` of IRSA tokens. */
export interface AudienceCheck {
  /** Whether tokens with audience `sts.amazonaws.com` get through. */
  readonly allowsStsAudience: boolean;
  /** Whether a restricting `:aud` condition exists. */
  readonly restricted: boolean;
  /** Text for descriptions, e.g. ` + audience`. */
  readonly suffix: string;
}

/** The `:aud` conditions of an IRSA statement. */
export function audienceCheck(statement: PolicyStatement): AudienceCheck {
  const conditions = conditionsOn(statement, ':aud').filter(isRestricting);
  if (conditions.length === 0) return { allowsStsAudience: true, restricted: false, suffix: ', no audience condition' };
  const allows = conditions.every((c) => c.values.some((v) => isLikeOperator(c) ? wildcardMatch(v, IRSA_AUDIENCE) : v === IRSA_AUDIENCE));
  const values = conditions.flatMap((c) => c.values);
  const exact = conditions.every((c) => !isLikeOperator(c) || !c.values.some((v) => WILDCARD.test(v)));
  if (allows && exact && values.every((v) => v === IRSA_AUDIENCE)) return { allowsStsAudience: true, restricted: true, suffix: ' + audience' };
  return {
    allowsStsAudience: allows,
    restricted: true,
    suffix: exact ? `, audience ${values.join(' or ')}` : `, audience pattern ${values.join(' or ')}`,
  };
}

/** One (pattern of) service account(s) an IRSA statement lets in. */
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
  /** The operator of the `:sub` condition. */
  readonly operator?: string;
}

/** The `:sub` conditions that restrict a statement; the tightest (non-`Like`) first. */
function subjectConditions(statement: PolicyStatement): PolicyCondition[] {
  const conditions = conditionsOn(statement, ':sub').filter(isRestricting);
  return [...conditions.filter((c) => !isLikeOperator(c)), ...conditions.filter(isLikeOperator)];
}

/** The service accounts (or patterns) an IRSA statement lets in, with how tightly. */
export function irsaSubjectGrants(statement: PolicyStatement): SubjectGrant[] {
  const audience = audienceCheck(statement);
  const condition = subjectConditions(statement)[0];
  if (!condition) {
    return [{
      subject: '*',
      namespace: '*',
      serviceAccount: '*',
      scope: TrustScope.ANY_SERVICE_ACCOUNT,
      description: `unscoped: any service account (no :sub condition)${audience.suffix}`,
      audienceRestricted: audience.restricted,
    }];
  }
  return condition.values.map((subject) => {
    const parts = subjectParts(subject);
    const grant = (scope: TrustScope, description: string, namespace = parts?.namespace ?? '*', serviceAccount = parts?.name ?? '*'): SubjectGrant => ({
      subject,
      namespace,
      serviceAccount,
      scope,
      description: description + audience.suffix,
      audienceRestricted: audience.restricted,
      operator: condition.operator,
    });
    if (!isLikeOperator(condition) || !WILDCARD.test(subject)) {
      return parts ? grant(TrustScope.EXACT_SUBJECT, 'exact subject')
        : grant(TrustScope.NOT_TRUSTED, `subject ${subject} is not system:serviceaccount:<namespace>:<name>, so it matches no service account`, '', subject);
    }
    if (!parts || (WILDCARD.test(parts.namespace) && /^\*+$/.test(parts.name) && /^\*+$/.test(parts.namespace))) {
      return grant(TrustScope.ANY_SERVICE_ACCOUNT, `unscoped: any service account (${subject})`);
    }
    if (WILDCARD.test(parts.namespace)) return grant(TrustScope.ANY_NAMESPACE, `wildcard across namespaces (${subject})`);
    if (/^\*+$/.test(parts.name)) return grant(TrustScope.NAMESPACE_WILDCARD, `namespace wildcard (any service account in ${parts.namespace})`);
    return grant(TrustScope.NAME_PATTERN, `name pattern (${parts.namespace}/${parts.name})`);
  });
}

/** Whether an IRSA statement is for a cluster: its provider belongs to the cluster, or its ARN is the cluster's provider ARN. */
export function irsaStatementIsFor(model: CheckModel, irsa: IrsaStatement, roleStack: string,
  cluster: ClusterModel | undefined, providerArnText: string | undefined, providerStack: string | undefined): boolean {
  const provider = irsa.provider;
  if (cluster && provider?.clusterKey !== undefined && clusterOfKey(model, provider.clusterKey, provider.stackName) === cluster) return true;
  if (providerArnText === undefined) return false;
  if (isLiteral(providerArnText)) return irsa.providerArn === providerArnText;
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

const TAG_WORDS: { [tag: string]: string } = {
  'eks-cluster-arn': 'cluster',
  'kubernetes-namespace': 'namespace',
  'kubernetes-service-account': 'SA',
};

/**
 * Whether a condition value on `aws:RequestTag/eks-cluster-arn` names the cluster: `GetAtt Arn` of
 * the cluster resource, or a literal ARN ending in its literal name; undefined when it cannot be told.
 */
function clusterArnMatches(model: CheckModel, value: string, like: boolean, roleStack: string,
  cluster: ClusterModel | undefined, clusterKey: string, clusterArnText?: string): boolean | undefined {
  if (clusterArnText !== undefined && value === clusterArnText) return true;
  const id = /^\$\{GetAtt:([^.}]*)\.Arn\}$/.exec(value)?.[1];
  if (id !== undefined) {
    const named = model.clusters.find((c) => c.stackName === roleStack && c.logicalId === id);
    return named && cluster ? named === cluster : undefined;
  }
  const name = /:cluster\/([^/]+)$/.exec(value)?.[1];
  if (name === undefined || !isLiteral(name) || !isLiteral(clusterKey) || clusterKey.includes('/')) return undefined;
  return like ? wildcardMatch(name, clusterKey) : name === clusterKey;
}

/** Why a tag condition of a statement does not let the association in, or undefined. */
function tagMismatch(model: CheckModel, statement: PolicyStatement, roleStack: string, association: AssociationModel,
  cluster: ClusterModel | undefined, clusterArnText?: string): string | undefined {
  for (const condition of statement.conditions.filter(isRestricting)) {
    const tag = /^aws:requesttag\/(.+)$/i.exec(condition.key)?.[1]?.toLowerCase();
    if (tag === undefined) continue;
    const like = isLikeOperator(condition);
    const literalMatch = (actual: string | undefined): boolean | undefined => {
      if (actual === undefined || !isLiteral(actual)) return undefined;
      const literals = condition.values.filter(isLiteral);
      if (literals.length < condition.values.length) return undefined;
      return literals.some((v) => like ? wildcardMatch(v, actual) : v === actual);
    };
    let matches: boolean | undefined;
    if (tag === 'eks-cluster-arn') {
      const results = condition.values.map((v) => clusterArnMatches(model, v, like, roleStack, cluster, association.clusterKey, clusterArnText));
      matches = results.some((r) => r === true) ? true : results.every((r) => r === false) ? false : undefined;
    } else if (tag === 'eks-cluster-name') {
      matches = literalMatch(association.clusterKey.includes('/') ? undefined : association.clusterKey);
    } else if (tag === 'kubernetes-namespace') {
      matches = literalMatch(association.namespace);
    } else if (tag === 'kubernetes-service-account') {
      matches = literalMatch(association.serviceAccount);
    }
    if (matches === false) return `the trust requires ${condition.operator} aws:RequestTag/${tag} = ${condition.values.join(' or ')}`;
  }
  return undefined;
}

/**
 * Whether the pods of a pod identity association get the role's credentials, and how tightly the
 * trust is scoped. `clusterArnText` is the cluster ARN as template text, when known.
 */
export function podIdentityVerdict(model: CheckModel, role: RoleModel, association: AssociationModel,
  cluster: ClusterModel | undefined, clusterArnText?: string): PodTrustVerdict {
  const missing = POD_IDENTITY_ACTIONS.filter((action) => !model.podIdentityAllows(role, action));
  if (missing.length > 0) {
    return {
      admitted: false,
      scope: TrustScope.NOT_TRUSTED,
      description: 'trust does not let EKS Pod Identity in',
      problem: `its trust does not allow pods.eks.amazonaws.com ${missing.join(' and ')}`,
    };
  }
  const candidates = model.podIdentityStatements(role).filter((s) => allowsAction(s, 'sts:AssumeRole'));
  const results = candidates.map((statement) => {
    const tagged = statement.conditions.some((c) => /^aws:requesttag\//i.test(c.key) && isRestricting(c));
    const problem = association.disableSessionTags && tagged
      ? 'the association disables session tags, but the trust conditions aws:RequestTag keys (no tags arrive, so it denies)'
      : tagMismatch(model, statement, role.stackName, association, cluster, clusterArnText);
    return { problem, restricted: POD_IDENTITY_SCOPE_TAGS.filter((tag) => restrictsRequestTag(statement, tag)) };
  });
  const admitted = results.filter((r) => r.problem === undefined).sort((a, b) => a.restricted.length - b.restricted.length);
  if (admitted.length === 0) {
    return {
      admitted: false,
      scope: TrustScope.NOT_TRUSTED,
      description: 'session tags do not match the association',
      problem: results[0]?.problem ?? 'its trust has no statement that allows pods.eks.amazonaws.com sts:AssumeRole',
    };
  }
  const loosest = admitted[0].restricted;
  if (association.disableSessionTags) {
    return { admitted: true, scope: TrustScope.SESSION_TAGS_DISABLED, description: 'session tags disabled (the trust cannot be scoped)' };
  }
  if (loosest.length === POD_IDENTITY_SCOPE_TAGS.length) {
    return { admitted: true, scope: TrustScope.SESSION_TAGS, description: 'session tags: cluster+namespace+SA' };
  }
  if (loosest.length === 0) {
    return { admitted: true, scope: TrustScope.ANY_ASSOCIATION, description: 'unscoped: any association in the account (no session tag conditions)' };
  }
  return {
    admitted: true,
    scope: TrustScope.PARTIAL_SESSION_TAGS,
    description: `session tags: ${loosest.map((t) => TAG_WORDS[t]).join('+')} only`,
  };
}
