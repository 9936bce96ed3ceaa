import { AwsAuthData, readAwsAuth, Section } from './aws-auth-config-map';
import { accessEntryUsernameProblem, kubernetesGroupProblem, RESERVED_GROUP_PREFIX, RESERVED_USERNAME_PREFIXES } from '../../../core/access-entry-names';
import { AccessEntryType } from '../../../core/access-entry-type';
import { AccessPolicy } from '../../../core/access-policy';
import { accountProblem, parseIamArn, ParsedIamArn, principalArnProblem, principalKey, roleArnProblem, withoutRolePath } from '../../../core/arn';
import { AuthenticationMode } from '../../../core/authentication-mode';
import {
  AUTHENTICATED_GROUP, BOOTSTRAPPERS_GROUP, NODE_ENTRY_USERNAMES, NODE_MAPPING_GROUPS, NODE_PROXIER_GROUP, NODES_GROUP,
  SESSION_NODE_USERNAME, WINDOWS_KUBE_PROXY_GROUP,
} from '../../../core/aws-auth-vocabulary';
import { configMapSizeProblem } from '../../../core/config-map-size';
import { isKnown, isOpaque } from '../../../core/deploy-time';
import { Problem } from '../../../core/errors';
import { IDENTITY_CENTER_ROLE_PATH, isIdentityCenterRoleName } from '../../../core/iam-identity-center';
import { SYSTEM_MASTERS_GROUP } from '../../../core/kubernetes-vocabulary';
import { AwsAuthMigrationEntry, AwsAuthMigrationFinding, AwsAuthMigrationPlan, AwsAuthMigrationPlanOptions } from '../aws-auth-plan';

/**
 * The aws-auth to access entries planner (eksctl's migration is the reference behaviour): pure
 * functions, used by `AwsAuthMigration` and the CLI.
 *
 * Facts it relies on (EKS user guide, "Create access entries",
 * https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html): an access
 * entry's role ARN includes the role's path while aws-auth ARNs carry none; entries of a type other
 * than STANDARD take roles of the cluster's account; EKS creates the entries of managed node groups
 * and Fargate profiles itself. The last is also what the EKS team wrote when access entries came
 * out (aws/containers-roadmap#185): existing entries of managed node groups and Fargate profiles
 * are migrated to node access entries when the authentication mode leaves CONFIG_MAP, and a
 * FARGATE_LINUX entry never needs to be created by hand.
 */

/** The ConfigMap the planner reads, for messages. */
const AWS_AUTH = { name: 'aws-auth', namespace: 'kube-system' };

/** What the planner knows besides the ConfigMap (the options, indexed). */
interface PlanContext {
  /** Real role ARNs by principal key (the role ARN without its path, lower case). */
  readonly roles: Map<string, string>;
  readonly completeRoleAccounts: Set<string>;
  /** Principal keys of the managed node group and Fargate profile roles, undefined when not given. */
  readonly managedNodeRoles?: Set<string>;
  /** Whether some managed node role is known only at deploy time (it cannot be compared). */
  readonly managedNodeRolesUnknown: boolean;
  readonly clusterAccount?: string;
  /** How the cluster's account was inferred, when it was. */
  readonly clusterAccountInference?: string;
}

interface Converted {
  readonly entry?: AwsAuthMigrationEntry;
  readonly unmappable: AwsAuthMigrationFinding[];
  readonly notes: AwsAuthMigrationFinding[];
  /** Whether the mapping names a valid principal of its section (a later mapping of it is a duplicate). */
  readonly claimsPrincipal: boolean;
}

/** The principal a role or user ARN names for aws-auth: roles compare without their path, names in any case. */
function identityKey(arn: string): string {
  return principalKey(withoutRolePath(arn));
}

/**
 * Why the options of a plan cannot be used: a role ARN that is not one (or not literal), two ARNs
 * for one role, an account that is not an account ID.
 */
export function planOptionsProblem(options: AwsAuthMigrationPlanOptions): Problem | undefined {
  const seen = new Map<string, string>();
  for (const arn of options.roleArns ?? []) {
    const problem = roleArnProblem(arn, 'role ARN');
    if (problem) return problem;
    const parsed = parseIamArn(arn);
    if (!isKnown(arn) || !parsed) {
      return { problem: `role ARN '${arn}' is known only at deploy time, so no mapping can be matched with it`, fix: 'give the role\'s ARN as text, e.g. arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef' };
    }
    const other = seen.get(identityKey(arn));
    if (other !== undefined && other !== arn) {
      return { problem: `role ARNs '${other}' and '${arn}' name the same role (role names are unique in an account, in any letter case)`, fix: 'give each role once, with its real path' };
    }
    seen.set(identityKey(arn), arn);
  }
  for (const arn of options.managedNodeRoleArns ?? []) {
    const problem = roleArnProblem(arn, 'managed node role ARN');
    if (problem) return problem;
  }
  const accounts: Array<[string, string]> = [
    ...(options.completeRoleAccounts ?? []).map((a): [string, string] => ['complete role list account', a]),
    ...(options.clusterAccount !== undefined ? [['cluster account', options.clusterAccount] as [string, string]] : []),
  ];
  for (const [label, account] of accounts) {
    const problem = accountProblem(account, label);
    if (problem) return { problem: `${label} '${account}' is not a 12-digit account id`, fix: problem.fix };
  }
  return undefined;
}

/**
 * Plans the move from an `aws-auth` ConfigMap to access entries (eksctl's migration is the
 * reference). Throws when the text is larger than a ConfigMap holds, cannot be read as a ConfigMap
 * or its mappings, or when the options cannot be used.
 */
export function planAwsAuthMigration(text: string, options: AwsAuthMigrationPlanOptions = {}): AwsAuthMigrationPlan {
  const size = configMapSizeProblem(text, 'the aws-auth input', AWS_AUTH);
  if (size) throw new Error(`${size.problem}. Fix: ${size.fix}`);
  const optionsProblem = planOptionsProblem(options);
  if (optionsProblem) throw new Error(`${optionsProblem.problem}; ${optionsProblem.fix}`);
  const data = readAwsAuth(text);
  const context = planContext(data, options);

  const entries: AwsAuthMigrationEntry[] = [];
  const unmappable: AwsAuthMigrationFinding[] = [];
  const notes: AwsAuthMigrationFinding[] = [];
  const byPrincipal = new Map<string, { source: string; raw: unknown }>();

  const sections: Array<[Section, unknown[]]> = [['mapRoles', data.mapRoles], ['mapUsers', data.mapUsers]];
  for (const [section, mappings] of sections) {
    mappings.forEach((raw, index) => {
      const source = `${section}[${index}]`;
      const arn = arnOf(section, raw);
      const key = arn !== undefined ? identityKey(arn) : undefined;
      const first = key !== undefined ? byPrincipal.get(key) : undefined;
      if (first) {
        const same = JSON.stringify(normalisedMapping(first.raw)) === JSON.stringify(normalisedMapping(raw));
        (same ? notes : unmappable).push({
          source,
          item: itemOf(section, raw),
          reason: `duplicate: ${first.source} already maps this principal${section === 'mapRoles' ? ' (aws-auth compares roles without their path)' : ''}, and a principal has one access entry`
            + (same ? '; both mappings are the same, so nothing is lost' : '; the mappings differ, so merge what this one grants into the first by hand'),
        });
        return;
      }
      const converted = convertMapping(section, source, raw, context);
      unmappable.push(...converted.unmappable);
      notes.push(...converted.notes);
      if (converted.claimsPrincipal && key !== undefined) byPrincipal.set(key, { source, raw });
      if (converted.entry) entries.push(converted.entry);
    });
  }

  data.mapAccounts.forEach((raw, index) => {
    const account = typeof raw === 'string' ? raw : JSON.stringify(raw);
    unmappable.push({
      source: `mapAccounts[${index}]`,
      item: account,
      reason: `mapAccounts lets every IAM user and role of account ${account} in (with its ARN as username and no groups); `
        + 'access entries are per principal, so add an access entry for each principal of that account that needs access',
    });
  });

  const current = options.currentAuthenticationMode ?? AuthenticationMode.CONFIG_MAP;
  const path = current === AuthenticationMode.API
    ? [AuthenticationMode.API]
    : [AuthenticationMode.API_AND_CONFIG_MAP, AuthenticationMode.API];
  return {
    mappingCount: data.mapRoles.length + data.mapUsers.length + data.mapAccounts.length,
    entries,
    unmappable,
    notes,
    ...(context.clusterAccount !== undefined ? { clusterAccount: context.clusterAccount } : {}),
    clusterAccountInferred: context.clusterAccountInference !== undefined,
    recommendedAuthenticationMode: path[0],
    authenticationModePath: path,
  };
}

function planContext(data: AwsAuthData, options: AwsAuthMigrationPlanOptions): PlanContext {
  const roles = new Map((options.roleArns ?? []).map((arn) => [identityKey(arn), arn]));
  const managed = options.managedNodeRoleArns;
  const given = options.clusterAccount !== undefined && isKnown(options.clusterAccount) ? options.clusterAccount : undefined;
  const inferred = given === undefined ? inferClusterAccount(data) : undefined;
  return {
    roles,
    completeRoleAccounts: new Set(options.completeRoleAccounts ?? []),
    managedNodeRoles: managed === undefined ? undefined : new Set(managed.map(identityKey)),
    managedNodeRolesUnknown: (managed ?? []).some((arn) => !isKnown(parseIamArn(arn)?.account) || !isKnown(parseIamArn(arn)?.name)),
    clusterAccount: given ?? inferred?.account,
    clusterAccountInference: inferred?.how,
  };
}

/** The account most role and user mappings are in (the first of them on a tie), and how many. */
function inferClusterAccount(data: AwsAuthData): { account: string; how: string } | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [section, mappings] of [['mapRoles', data.mapRoles], ['mapUsers', data.mapUsers]] as Array<[Section, unknown[]]>) {
    for (const raw of mappings) {
      const arn = arnOf(section, raw);
      const account = arn !== undefined ? parseIamArn(arn)?.account : undefined;
      if (account === undefined || accountProblem(account, 'account') || !isKnown(account)) continue;
      counts.set(account, (counts.get(account) ?? 0) + 1);
      total++;
    }
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && { account: best[0], how: `${best[1]} of the ${total} mapped principals are in it` };
}

/** How the reason of an IAM Identity Center role without its real ARN starts. */
export const IDENTITY_CENTER_DECISION = 'decision needed: ';
/** How the reason of a node role of another account than the cluster's starts. */
export const FOREIGN_NODE_ROLE = 'a node role of account ';

/** What one mapping says, once read and checked. */
interface Mapping {
  readonly section: Section;
  readonly source: string;
  readonly arn: string;
  /** The parsed ARN, when it is not one deploy-time value. */
  readonly parsed?: ParsedIamArn;
  /** Its groups, without duplicates and without `system:authenticated`. */
  readonly groups: string[];
  readonly username?: string;
}

/** The findings about one mapping as they are made. */
class Findings {
  public readonly unmappable: AwsAuthMigrationFinding[] = [];
  public readonly notes: AwsAuthMigrationFinding[] = [];

  constructor(private readonly source: string, private readonly item: string) {}

  public report(reason: string): this {
    this.unmappable.push({ source: this.source, item: this.item, reason });
    return this;
  }

  public note(reason: string): this {
    this.notes.push({ source: this.source, item: this.item, reason });
    return this;
  }

  /** The result: an entry, or none (`claimsPrincipal`: the mapping names a valid principal, so a later one for it is a duplicate). */
  public done(claimsPrincipal: boolean, entry?: AwsAuthMigrationEntry): Converted {
    return { entry, unmappable: this.unmappable, notes: this.notes, claimsPrincipal };
  }
}

function convertMapping(section: Section, source: string, raw: unknown, context: PlanContext): Converted {
  const findings = new Findings(source, itemOf(section, raw));
  const mapping = readMapping(section, source, raw, findings);
  if (!mapping) return findings.done(false);
  return mapping.groups.includes(BOOTSTRAPPERS_GROUP) && mapping.groups.includes(NODES_GROUP)
    ? convertNodeMapping(mapping, context, findings)
    : convertPrincipalMapping(mapping, context, findings);
}

/** Reads a mapping's ARN, groups and username, or reports why it is not a mapping of a principal. */
function readMapping(section: Section, source: string, raw: unknown, findings: Findings): Mapping | undefined {
  const arnKey = section === 'mapRoles' ? 'rolearn' : 'userarn';
  const isRole = section === 'mapRoles';
  const otherSection = isRole ? 'mapUsers' : 'mapRoles';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    findings.report(`not a mapping: expected ${arnKey}, username and groups`);
    return undefined;
  }
  const mapping = raw as { [key: string]: unknown };
  const arn = mapping[arnKey];
  if (typeof arn !== 'string' || arn.length === 0) {
    const other = isRole ? 'userarn' : 'rolearn';
    findings.report(typeof mapping[other] === 'string'
      ? `has ${other} but is in ${section}, so aws-auth never matched it; move it to ${otherSection} if it should have access`
      : `has no ${arnKey}`);
    return undefined;
  }
  const groupsValue = mapping.groups === undefined || mapping.groups === null || mapping.groups === '' ? [] : mapping.groups;
  if (!Array.isArray(groupsValue) || groupsValue.some((g) => typeof g !== 'string')) {
    findings.report('groups is not a list of names');
    return undefined;
  }
  const usernameValue = mapping.username;
  if (usernameValue !== undefined && usernameValue !== null && typeof usernameValue !== 'string') {
    findings.report('username is not a string');
    return undefined;
  }

  // The principal: IAM role or user ARNs only.
  const parsed = isOpaque(arn) ? undefined : parseIamArn(arn);
  if (!isOpaque(arn)) {
    const problem = principalArnProblem(arn);
    if (problem) {
      findings.report(`${problem.problem}; ${problem.fix}`);
      return undefined;
    }
    if (parsed!.resourceType !== (isRole ? 'role' : 'user')) {
      findings.report(`is an IAM ${parsed!.resourceType} ARN in ${section}, which aws-auth never matched; move it to ${otherSection} if it should have access`);
      return undefined;
    }
  }

  const groups = [...new Set(groupsValue as string[])];
  if (groups.includes(AUTHENTICATED_GROUP)) {
    findings.note(`group ${AUTHENTICATED_GROUP} dropped: every authenticated identity has it, so mapping it granted nothing`);
  }
  return {
    section,
    source,
    arn,
    parsed,
    groups: groups.filter((g) => g !== AUTHENTICATED_GROUP),
    username: typeof usernameValue === 'string' && usernameValue !== '' ? usernameValue : undefined,
  };
}

/** Nodes, Fargate pods and hybrid nodes (`system:bootstrappers` and `system:nodes`): a node entry, or left out. */
function convertNodeMapping(mapping: Mapping, context: PlanContext, findings: Findings): Converted {
  const { arn, parsed, groups, username } = mapping;
  if (mapping.section !== 'mapRoles') {
    return findings.report(`node groups (${BOOTSTRAPPERS_GROUP}, ${NODES_GROUP}) on an IAM user; node access entries take roles only`).done(false);
  }
  const type = nodeEntryType(groups, username);
  const managed = context.managedNodeRoles?.has(identityKey(arn)) ?? false;
  const extra = groups.filter((g) => !NODE_MAPPING_GROUPS.has(g));
  if (extra.length > 0) {
    findings.report(`groups ${extra.join(', ')} are not carried over: an access entry of type ${type} has no groups and no access policies; `
      + 'give that access to another principal (a node role needs none of it)');
  }
  if (type === AccessEntryType.FARGATE_LINUX) {
    return findings.note(managed
      ? 'not migrated: the pod execution role of a Fargate profile, whose FARGATE_LINUX access entry EKS creates itself (a second entry would fail the deploy)'
      : 'not migrated: a Fargate pod execution role (it has system:node-proxier); EKS creates the FARGATE_LINUX access entry of every Fargate profile itself '
        + '(a second entry would fail the deploy), and when no profile uses the role any more the mapping is stale').done(true);
  }
  if (managed) {
    return findings.note(`not migrated: the node role of a managed node group, whose ${type} access entry EKS creates itself (a second entry would fail the deploy)`).done(true);
  }
  const roleAccount = parsed && isKnown(parsed.account) ? parsed.account : undefined;
  if (roleAccount !== undefined && context.clusterAccount !== undefined && roleAccount !== context.clusterAccount) {
    const inferred = context.clusterAccountInference ? ` (inferred: ${context.clusterAccountInference}; give the cluster's account if it is another)` : '';
    return findings.report(`${FOREIGN_NODE_ROLE}${roleAccount}, not of the cluster's account ${context.clusterAccount}${inferred}: `
      + `EKS takes node roles (${type}) of the cluster's account only, so nodes with this role cannot join once the ConfigMap is gone; `
      + `give them a node role of account ${context.clusterAccount}, or acknowledge if the nodes are gone`).done(true);
  }
  const resolved = resolveRoleArn(arn, parsed, context);
  if (resolved.problem) return findings.report(resolved.problem).done(true);
  if (resolved.note) findings.note(resolved.note);
  if (type !== AccessEntryType.HYBRID_LINUX && context.managedNodeRoles === undefined) {
    findings.note(`planned as the role of self-managed nodes (${type}): if a managed node group uses it, EKS has made its access entry already and a second one fails the deploy; `
      + 'say which roles managed node groups and Fargate profiles use (managedNodeRoleArns, --managed-node-roles)');
  } else if (type !== AccessEntryType.HYBRID_LINUX && context.managedNodeRolesUnknown && isKnown(arn)) {
    findings.note(`planned as the role of self-managed nodes (${type}); some managed node group or Fargate profile roles are known only at deploy time, `
      + 'so whether one of them is this role cannot be told: if it is, exclude the mapping (EKS has made its access entry already)');
  }
  if (username !== NODE_ENTRY_USERNAMES[type]) {
    findings.note(`username ${username === undefined ? '(none)' : `'${username}'`} not kept: EKS names ${type} entries '${NODE_ENTRY_USERNAMES[type]}' itself`);
  }
  return findings.done(true, {
    source: mapping.source, principalArn: resolved.arn!, principalArnVerified: resolved.verified!, type, kubernetesGroups: [], accessPolicies: [],
  });
}

/** People and machines: `system:masters` becomes the cluster admin policy; other `system:` groups cannot be carried. */
function convertPrincipalMapping(mapping: Mapping, context: PlanContext, findings: Findings): Converted {
  const { arn, parsed, groups, username } = mapping;
  if (context.managedNodeRoles?.has(identityKey(arn))) {
    return findings.report('is the role of a managed node group or Fargate profile: EKS gives it a node access entry itself, which takes no groups, username or access policies, '
      + 'and a principal has one access entry; grant this access to another principal').done(true);
  }
  const accessPolicies = groups.includes(SYSTEM_MASTERS_GROUP) ? [AccessPolicy.clusterAdmin()] : [];
  const others = groups.filter((g) => g !== SYSTEM_MASTERS_GROUP);
  const systemGroups = others.filter((g) => g.toLowerCase().startsWith(RESERVED_GROUP_PREFIX));
  const invalid = others.filter((g) => !systemGroups.includes(g)).map((g) => kubernetesGroupProblem(g)).filter((p): p is Problem => p !== undefined);
  const kubernetesGroups = others.filter((g) => !systemGroups.includes(g) && kubernetesGroupProblem(g) === undefined);
  if (systemGroups.length > 0) {
    findings.report(`groups ${systemGroups.join(', ')} are not carried over: access entries reject groups starting with '${RESERVED_GROUP_PREFIX}'`
      + ` (only ${SYSTEM_MASTERS_GROUP} has a replacement, AmazonEKSClusterAdminPolicy); bind the access with RBAC to a group of your own`);
  }
  for (const problem of invalid) findings.report(`${problem.problem}, so it is not carried over; ${problem.fix}`);

  const resolved: ResolvedRole = mapping.section === 'mapRoles' ? resolveRoleArn(arn, parsed, context) : { arn, verified: true };
  if (resolved.problem) return findings.report(resolved.problem).done(true);
  if (resolved.note) findings.note(resolved.note);

  const usernameProblem = username !== undefined ? accessEntryUsernameProblem(username) : undefined;
  if (usernameProblem) {
    findings.report(`${usernameProblem.problem}, so it is not kept and EKS derives the username from the principal ARN; `
      + `RBAC bindings to the user '${username}' stop matching (${RESERVED_USERNAME_PREFIXES.join(', ')} are reserved; {{SessionName}} needs a colon before it)`);
  }
  if (accessPolicies.length === 0 && kubernetesGroups.length === 0 && username === undefined && systemGroups.length === 0 && invalid.length === 0) {
    findings.note('maps no groups and no username: the access entry only lets the principal authenticate, with the username EKS derives from its ARN');
  }
  return findings.done(true, {
    source: mapping.source,
    principalArn: resolved.arn!,
    principalArnVerified: resolved.verified!,
    type: AccessEntryType.STANDARD,
    kubernetesGroups,
    ...(username !== undefined && !usernameProblem ? { username } : {}),
    accessPolicies,
  });
}

/**
 * The node entry type of a mapping with `system:bootstrappers` and `system:nodes`:
 * `system:node-proxier` marks a Fargate pod execution role, `eks:kube-proxy-windows` Windows
 * nodes, and the username `system:node:{{SessionName}}` hybrid nodes (EC2 nodes are
 * `system:node:{{EC2PrivateDNSName}}`, and Fargate, with the same username, has its own group).
 */
function nodeEntryType(groups: string[], username: string | undefined): AccessEntryType {
  if (groups.includes(NODE_PROXIER_GROUP)) return AccessEntryType.FARGATE_LINUX;
  if (groups.includes(WINDOWS_KUBE_PROXY_GROUP)) return AccessEntryType.EC2_WINDOWS;
  if (username === SESSION_NODE_USERNAME) return AccessEntryType.HYBRID_LINUX;
  return AccessEntryType.EC2_LINUX;
}

/** A mapped role's ARN for its access entry, or why it has none. */
interface ResolvedRole {
  readonly arn?: string;
  /** Whether `arn` is known to be the role's real ARN (see `AwsAuthMigrationEntry.principalArnVerified`). */
  readonly verified?: boolean;
  readonly note?: string;
  readonly problem?: string;
}

/**
 * The ARN an access entry for a mapped role needs: the role's real ARN, path included. From the
 * role ARNs given when they have it; as written otherwise, unless the role cannot be there
 * (not in a complete list of its account's roles) or its path is certainly missing (an IAM
 * Identity Center role written without `aws-reserved/sso.amazonaws.com/`).
 */
function resolveRoleArn(arn: string, parsed: ParsedIamArn | undefined, context: PlanContext): ResolvedRole {
  if (!parsed || parsed.resourceType !== 'role' || !isKnown(parsed.account) || !isKnown(parsed.name)) return { arn, verified: true };
  const real = context.roles.get(identityKey(arn));
  if (real !== undefined) {
    return real === arn ? { arn, verified: true } : {
      arn: real,
      verified: true,
      note: `the access entry is for the role's real ARN ${real}, from the role ARNs given (aws-auth compared roles without their path; an access entry needs it)`,
    };
  }
  if (context.completeRoleAccounts.has(parsed.account)) {
    return {
      problem: `role ${parsed.name} is not among the roles of account ${parsed.account} that were given, so it no longer exists and EKS would refuse its access entry; `
        + 'remove the mapping (or acknowledge it), or give the role\'s ARN if the list was incomplete',
    };
  }
  if (parsed.path !== '/') {
    return {
      arn,
      verified: false,
      note: `role path '${parsed.path}' kept as written: an access entry needs the role's real ARN, path included (aws-auth compared roles without it); `
        + 'check that it is the role\'s path, or give the real role ARNs',
    };
  }
  if (isIdentityCenterRoleName(parsed.name)) {
    return {
      problem: `${IDENTITY_CENTER_DECISION}${parsed.name} is an IAM Identity Center role, whose real ARN has the path ${IDENTITY_CENTER_ROLE_PATH}[<region>/] `
        + '(no region segment when Identity Center is in us-east-1), and an access entry needs that ARN (aws-auth ARNs carry no path); '
        + `give the real ARN (roleArns, or the output of aws iam list-roles with --roles; aws iam get-role --role-name ${parsed.name} shows it), or acknowledge to leave the role out`,
    };
  }
  return { arn, verified: false };
}

function arnOf(section: Section, raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const value = (raw as any)[section === 'mapRoles' ? 'rolearn' : 'userarn'];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function itemOf(section: Section, raw: unknown): string {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const value = (raw as any)[section === 'mapRoles' ? 'rolearn' : 'userarn'] ?? (raw as any).rolearn ?? (raw as any).userarn;
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

function normalisedMapping(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const m = raw as any;
  return { username: m.username, groups: Array.isArray(m.groups) ? [...new Set(m.groups)].sort() : m.groups };
}

/**
 * A construct id for the entry of a principal: its role (without the path, so that the id stays
 * when the path becomes known) or user name when known, else its place in the ConfigMap; unique
 * among `used`.
 */
export function awsAuthEntryId(entry: AwsAuthMigrationEntry, used: Set<string>): string {
  const arn = withoutRolePath(entry.principalArn);
  const base = isKnown(arn)
    ? arn.split(':').slice(5).join(':').replace(/[^A-Za-z0-9-]+/g, '-')
    : entry.source.replace(/[^A-Za-z0-9]+/g, '');
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
