import { clusterIdentity } from './cluster-identity';
import { CheckModel, IrsaStatement, RoleModel, roleLabel } from '../checks/template-model';
import { isKnown } from '../core/deploy-time';
import { CLUSTER_ARN_TAG, CLUSTER_NAME_TAG, NAMESPACE_TAG, SERVICE_ACCOUNT_TAG } from '../core/pod-identity';
import { PolicyStatement } from '../core/template/policy-document';
import { IrsaSubjectGrant, irsaSubjectGrants } from '../core/trust/irsa-scope';
import { issuersOfProviderArn } from '../core/trust/issuer-keys';
import { accountOfPrincipal, AwsPrincipalGrant, KeyMatch, MatchKind, PodIdentityGrant, PodIdentityScope } from '../core/trust/trust-semantics';
import { roleId, roleReport } from '../report/permissions';

/*
 * One IAM role of an assembly as the diff compares it: who its trust lets in (IRSA subjects and
 * audiences per cluster, EKS Pod Identity session tag scopes, AWS principals) and what it may do
 * (statements and managed policies). Trusts are read by the core's trust semantics through the
 * template model, so `Fn::Sub`/`Fn::Join` trusts are understood like literal ones.
 */

/** One subject an IRSA trust lets in, with the audience condition of its statement. */
export interface SubjectTrust {
  /** The subject (or pattern) and how tightly it is held, as the core classifies it. */
  readonly grant: IrsaSubjectGrant;
  readonly audience: KeyMatch;
  /** The audience condition in words, e.g. `audience sts.amazonaws.com` or `no audience condition`. */
  readonly audienceText: string;
}

/** What a role's IRSA trust lets in from one cluster (or OIDC issuer). */
export interface IrsaTrust {
  /** Stable identity of the cluster or issuer: `cluster:<cluster id>` (see `clusterIdentity`), `oidc:<issuer>` or `provider:<stack>:<arn>`. */
  readonly target: string;
  /** The cluster or issuer for reading. */
  readonly targetLabel: string;
  readonly subjects: SubjectTrust[];
}

/** One trust statement that lets EKS Pod Identity assume the role, by the session tags it pins. */
export interface PodTrust {
  readonly scope: PodIdentityScope;
  /** Whether the principal is `*` rather than `pods.eks.amazonaws.com`. */
  readonly anyPrincipal: boolean;
  /** The values (or patterns) each pinned session tag must have; an unpinned tag is absent. */
  readonly pins: { readonly [tag: string]: string[] };
  readonly description: string;
}

/** One AWS principal (account, role, `*`) the trust lets assume the role, with its conditions. */
export interface AwsPrincipalTrust {
  /** The principal with its conditions, as compared. */
  readonly key: string;
  readonly description: string;
  /** Whether it is `*`, or a whole account, without an `aws:PrincipalArn` condition. */
  readonly wildcard: boolean;
}

/** One statement of the role's permission policies. */
export interface StatementTrust {
  readonly effect: string;
  /** The statement in one line (`Allow s3:GetObject on arn:...`). */
  readonly summary: string;
  /** Whether it allows every action, or every action of a service (`*`, `s3:*`, `NotAction`). */
  readonly wildcard: boolean;
}

/** A role as the diff compares it. */
export interface RoleSnapshot {
  /** `<stack>/<logicalId>`. */
  readonly key: string;
  /** How the diff knows the role across assemblies: `role <literal name>`, else `key` (see `roleMatchKeys`). */
  readonly matchKey: string;
  /** `role <name or logical id>`. */
  readonly label: string;
  readonly stackName: string;
  readonly logicalId: string;
  /** Whether a service account can get it: IRSA or pod identity trust, an association, a target role or an IRSA annotation. */
  readonly identity: boolean;
  readonly irsa: Map<string, IrsaTrust>;
  readonly podIdentity: PodTrust[];
  readonly awsPrincipals: Map<string, AwsPrincipalTrust>;
  /** Statements by their canonical form. */
  readonly statements: Map<string, StatementTrust>;
  /** Managed policies by name. */
  readonly managedPolicies: Set<string>;
}

/** The cluster (or OIDC issuer) an IRSA grant's provider stands for, stable across assemblies. */
function irsaTarget(model: CheckModel, irsa: IrsaStatement, role: RoleModel): { target: string; targetLabel: string } {
  const provider = irsa.provider;
  const key = provider?.clusterKey !== undefined ? { key: provider.clusterKey, stackName: provider.stackName }
    : model.importedClusterOfProvider(irsa.providerArn, role.stackName);
  if (key) {
    const cluster = clusterIdentity(model, key.key, key.stackName);
    return { target: `cluster:${cluster.id}`, targetLabel: cluster.label };
  }
  const [issuer] = issuersOfProviderArn(irsa.providerArn);
  if (issuer !== undefined && isKnown(irsa.providerArn)) return { target: `oidc:${issuer}`, targetLabel: `OIDC issuer ${issuer}` };
  return { target: `provider:${role.stackName}:${irsa.providerArn}`, targetLabel: `OIDC provider ${irsa.providerLabel}` };
}

function irsaTrusts(model: CheckModel, role: RoleModel): Map<string, IrsaTrust> {
  const trusts = new Map<string, IrsaTrust>();
  for (const irsa of model.irsaStatements(role)) {
    const { target, targetLabel } = irsaTarget(model, irsa, role);
    const trust = trusts.get(target) ?? { target, targetLabel, subjects: [] };
    trusts.set(target, trust);
    for (const grant of irsaSubjectGrants(irsa.grant)) {
      trust.subjects.push({ grant, audience: irsa.grant.audience, audienceText: grant.audience.description });
    }
  }
  return trusts;
}

/** The values a pinned session tag condition allows. */
function pinnedValues(grant: PodIdentityGrant, tag: string): string[] | undefined {
  const match = grant.tags[tag];
  return match && (match.kind === MatchKind.EXACT || match.kind === MatchKind.PATTERN) ? [...match.values].sort() : undefined;
}

function podTrust(model: CheckModel, role: RoleModel, grant: PodIdentityGrant): PodTrust {
  const pins: { [tag: string]: string[] } = {};
  if (grant.clusterPinned) {
    for (const tag of [CLUSTER_ARN_TAG, CLUSTER_NAME_TAG]) {
      const values = pinnedValues(grant, tag);
      if (values) pins[tag] = values;
    }
  }
  if (grant.namespacePinned) pins[NAMESPACE_TAG] = pinnedValues(grant, NAMESPACE_TAG) ?? [];
  if (grant.serviceAccountPinned) pins[SERVICE_ACCOUNT_TAG] = pinnedValues(grant, SERVICE_ACCOUNT_TAG) ?? [];
  const words = Object.entries(pins).map(([tag, values]) => `${tag} = ${values.map((v) => model.describe(v, role.stackName)).join(' or ')}`);
  const who = grant.anyPrincipal ? 'any principal (*)' : 'EKS Pod Identity';
  return {
    scope: grant.scope,
    anyPrincipal: grant.anyPrincipal,
    pins,
    description: words.length === 0 ? `${who}, no session tag conditions: any association in the account` : `${who}, session tags ${words.join(', ')}`,
  };
}

function conditionText(match: KeyMatch): string {
  return match.conditions.map((c) => `${c.operator} ${c.key} ${[...c.values].sort().join('|')}`).sort().join('; ');
}

function awsPrincipalTrust(model: CheckModel, role: RoleModel, grant: AwsPrincipalGrant): AwsPrincipalTrust {
  const principalArn = grant.principalArn.kind === MatchKind.ANY ? '' : conditionText(grant.principalArn);
  const externalId = grant.externalId.kind === MatchKind.ANY ? '' : conditionText(grant.externalId);
  const tags = Object.keys(grant.tags).sort().map((tag) => conditionText(grant.tags[tag])).join('; ');
  const conditions = [principalArn, externalId, tags].filter((c) => c !== '');
  const wholeAccount = grant.principal === '*' || accountOfPrincipal(grant.principal) !== undefined;
  return {
    key: [grant.principal, ...conditions].join(' | '),
    description: `${grant.principal === '*' ? 'any AWS principal (*)' : model.describe(grant.principal, role.stackName)}`
      + (conditions.length > 0 ? ` when ${conditions.join('; ')}` : ''),
    wildcard: wholeAccount && grant.principalArn.kind === MatchKind.ANY,
  };
}

/** A statement in a canonical form: lists sorted, actions lower-cased, conditions sorted. */
function canonicalStatement(statement: PolicyStatement): string {
  return JSON.stringify({
    effect: statement.effect,
    actions: statement.actions.map((a) => a.toLowerCase()).sort(),
    notAction: statement.notAction,
    resources: [...statement.resources].sort(),
    notResource: statement.notResource,
    conditions: statement.conditions.map((c) => `${c.operator} ${c.key.toLowerCase()} ${[...c.values].sort().join('|')}`).sort(),
    opaqueConditions: statement.opaqueConditions,
  });
}

function allowsEverything(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow' && (statement.notAction || statement.actions.some((a) => a === '*' || /^[^:]+:\*$/.test(a)));
}

function permissions(model: CheckModel, role: RoleModel): { statements: Map<string, StatementTrust>; managedPolicies: Set<string> } {
  const report = roleReport(model, role);
  // The report summarizes the inline statements, then those of the customer managed policies, in document order.
  const statements = [...role.inlinePolicies, ...role.managedPolicyDocuments].flatMap((d) => d.statements);
  const byKey = new Map<string, StatementTrust>();
  statements.forEach((statement, i) => {
    byKey.set(canonicalStatement(statement), {
      effect: statement.effect,
      summary: report.statements[i]?.summary ?? canonicalStatement(statement),
      wildcard: allowsEverything(statement),
    });
  });
  return { statements: byKey, managedPolicies: new Set(report.managedPolicies) };
}

/** The snapshot of a role; `identity` says whether a service account can get it, `matchKey` how the diff knows it. */
export function roleSnapshot(model: CheckModel, role: RoleModel, identity: boolean, matchKey: string): RoleSnapshot {
  const trust = model.trustOf(role);
  const awsPrincipals = new Map(trust.awsPrincipals.filter((g) => g.allowsAssumeRole)
    .map((g) => awsPrincipalTrust(model, role, g)).map((t) => [t.key, t]));
  return {
    key: roleId(role),
    matchKey,
    label: `role ${roleLabel(role)}`,
    stackName: role.stackName,
    logicalId: role.logicalId,
    identity,
    irsa: irsaTrusts(model, role),
    podIdentity: model.podIdentityStatements(role).filter((g) => g.allowsAssumeRole).map((g) => podTrust(model, role, g)),
    awsPrincipals,
    ...permissions(model, role),
  };
}
