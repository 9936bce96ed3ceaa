import { readAwsAuth, Section } from './aws-auth-config-map';
import { AwsAuthMigrationEntry, AwsAuthMigrationFinding, AwsAuthMigrationPlan, AwsAuthMigrationPlanOptions } from './aws-auth-plan';
import { accessEntryUsernameProblem, RESERVED_USERNAME_PREFIXES } from '../../core/access-entry-names';
import { AccessEntryType } from '../../core/access-entry-type';
import { AccessPolicy } from '../../core/access-policy';
import { parseIamArn, principalArnProblem, principalKey, withoutRolePath } from '../../core/arn';
import { AuthenticationMode } from '../../core/authentication-mode';
import { isKnown, isOpaque } from '../../core/deploy-time';

/**
 * The aws-auth to access entries planner (eksctl's migration is the reference behaviour): pure
 * functions, used by `AwsAuthMigration` and the CLI.
 */

const MASTERS = 'system:masters';
const BOOTSTRAPPERS = 'system:bootstrappers';
const NODES = 'system:nodes';
const NODE_PROXIER = 'system:node-proxier';
const WINDOWS_KUBE_PROXY = 'eks:kube-proxy-windows';
const NODE_GROUPS = new Set([BOOTSTRAPPERS, NODES, NODE_PROXIER, WINDOWS_KUBE_PROXY]);
const NODE_USERNAMES: { [type: string]: string } = {
  [AccessEntryType.EC2_LINUX]: 'system:node:{{EC2PrivateDNSName}}',
  [AccessEntryType.EC2_WINDOWS]: 'system:node:{{EC2PrivateDNSName}}',
  [AccessEntryType.FARGATE_LINUX]: 'system:node:{{SessionName}}',
};

interface Converted {
  readonly entry?: AwsAuthMigrationEntry;
  readonly unmappable: AwsAuthMigrationFinding[];
  readonly notes: AwsAuthMigrationFinding[];
}

/**
 * Plans the move from an `aws-auth` ConfigMap to access entries (eksctl's migration is the
 * reference). Throws when the text cannot be read as a ConfigMap or its mappings.
 */
export function planAwsAuthMigration(text: string, options: AwsAuthMigrationPlanOptions = {}): AwsAuthMigrationPlan {
  const data = readAwsAuth(text);
  const entries: AwsAuthMigrationEntry[] = [];
  const unmappable: AwsAuthMigrationFinding[] = [];
  const notes: AwsAuthMigrationFinding[] = [];
  const byPrincipal = new Map<string, { entry: AwsAuthMigrationEntry; raw: unknown }>();

  const sections: Array<[Section, unknown[]]> = [['mapRoles', data.mapRoles], ['mapUsers', data.mapUsers]];
  for (const [section, mappings] of sections) {
    mappings.forEach((raw, index) => {
      const source = `${section}[${index}]`;
      const converted = convertMapping(section, source, raw);
      unmappable.push(...converted.unmappable);
      notes.push(...converted.notes);
      const entry = converted.entry;
      if (!entry) return;
      const key = principalKey(entry.principalArn);
      const first = byPrincipal.get(key);
      if (first) {
        const same = JSON.stringify(normalisedMapping(first.raw)) === JSON.stringify(normalisedMapping(raw));
        const finding = {
          source,
          item: itemOf(section, raw),
          reason: `duplicate: ${entry.principalArn} is already mapped by ${first.entry.source}, and a principal has one access entry`
            + (same ? '; both mappings are the same, so nothing is lost' : '; the mappings differ, so merge what this one grants into the first by hand'),
        };
        (same ? notes : unmappable).push(finding);
        return;
      }
      byPrincipal.set(key, { entry, raw });
      entries.push(entry);
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
    recommendedAuthenticationMode: path[0],
    authenticationModePath: path,
  };
}

function convertMapping(section: Section, source: string, raw: unknown): Converted {
  const item = itemOf(section, raw);
  const unmappable: AwsAuthMigrationFinding[] = [];
  const notes: AwsAuthMigrationFinding[] = [];
  const report = (reason: string) => ({ unmappable: [{ source, item, reason }], notes: [] });
  const arnKey = section === 'mapRoles' ? 'rolearn' : 'userarn';

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return report(`not a mapping: expected ${arnKey}, username and groups`);
  }
  const mapping = raw as { [key: string]: unknown };
  const arn = mapping[arnKey];
  if (typeof arn !== 'string' || arn.length === 0) {
    const other = section === 'mapRoles' ? 'userarn' : 'rolearn';
    return report(typeof mapping[other] === 'string'
      ? `has ${other} but is in ${section}, so aws-auth never matched it; move it to ${section === 'mapRoles' ? 'mapUsers' : 'mapRoles'} if it should have access`
      : `has no ${arnKey}`);
  }
  const groupsValue = mapping.groups === undefined || mapping.groups === null || mapping.groups === '' ? [] : mapping.groups;
  if (!Array.isArray(groupsValue) || groupsValue.some((g) => typeof g !== 'string')) {
    return report('groups is not a list of names');
  }
  const groups = [...new Set(groupsValue as string[])];
  const usernameValue = mapping.username;
  if (usernameValue !== undefined && usernameValue !== null && typeof usernameValue !== 'string') return report('username is not a string');
  const username = typeof usernameValue === 'string' && usernameValue !== '' ? usernameValue : undefined;

  // The principal: IAM role or user ARNs only; a role path is removed as aws-auth ignored it.
  let principalArn = arn;
  if (!isOpaque(arn)) {
    const problem = principalArnProblem(arn);
    if (problem) return report(`${problem.problem}; ${problem.fix}`);
    const parsed = parseIamArn(arn)!;
    const expected = section === 'mapRoles' ? 'role' : 'user';
    if (parsed.resourceType !== expected) {
      return report(`is an IAM ${parsed.resourceType} ARN in ${section}, which aws-auth never matched; move it to ${section === 'mapRoles' ? 'mapUsers' : 'mapRoles'} if it should have access`);
    }
    if (parsed.resourceType === 'role' && parsed.path !== '/') {
      principalArn = withoutRolePath(arn);
      notes.push({
        source,
        item,
        reason: `role path '${parsed.path}' removed: the access entry is for ${principalArn}, the role aws-auth matched (it compares roles without their path)`,
      });
    }
  }
  const isRole = section === 'mapRoles';

  // Nodes and Fargate pods: the groups EKS gives node entries itself.
  if (groups.includes(BOOTSTRAPPERS) && groups.includes(NODES)) {
    if (!isRole) return report('node groups (system:bootstrappers, system:nodes) on an IAM user; node access entries take roles only');
    const type = groups.includes(NODE_PROXIER) ? AccessEntryType.FARGATE_LINUX
      : groups.includes(WINDOWS_KUBE_PROXY) ? AccessEntryType.EC2_WINDOWS
        : AccessEntryType.EC2_LINUX;
    const extra = groups.filter((g) => !NODE_GROUPS.has(g));
    if (extra.length > 0) {
      unmappable.push({
        source,
        item,
        reason: `groups ${extra.join(', ')} are not carried over: an access entry of type ${type} has no groups and no access policies; `
          + 'give that access to another principal (a node role needs none of it)',
      });
    }
    if (username !== NODE_USERNAMES[type]) {
      notes.push({
        source,
        item,
        reason: `username ${username === undefined ? '(none)' : `'${username}'`} not kept: EKS names ${type} entries '${NODE_USERNAMES[type]}' itself`,
      });
    }
    return { entry: { source, principalArn, type, kubernetesGroups: [], accessPolicies: [] }, unmappable, notes };
  }

  // People and machines: system:masters becomes the cluster admin policy; other system: groups cannot be carried.
  const accessPolicies = groups.includes(MASTERS) ? [AccessPolicy.clusterAdmin()] : [];
  const systemGroups = groups.filter((g) => g !== MASTERS && g.startsWith('system:'));
  const kubernetesGroups = groups.filter((g) => !g.startsWith('system:'));
  if (systemGroups.length > 0) {
    unmappable.push({
      source,
      item,
      reason: `groups ${systemGroups.join(', ')} are not carried over: access entries reject groups starting with 'system:'`
        + ' (only system:masters has a replacement, AmazonEKSClusterAdminPolicy); bind the access with RBAC to a group of your own',
    });
  }
  let keptUsername: string | undefined;
  if (username !== undefined) {
    const problem = accessEntryUsernameProblem(username);
    if (problem) {
      unmappable.push({
        source,
        item,
        reason: `${problem.problem}, so it is not kept and EKS derives the username from the principal ARN; `
          + `RBAC bindings to the user '${username}' stop matching (${RESERVED_USERNAME_PREFIXES.join(', ')} are reserved; {{SessionName}} needs a colon before it)`,
      });
    } else {
      keptUsername = username;
    }
  }
  if (accessPolicies.length === 0 && kubernetesGroups.length === 0 && username === undefined && systemGroups.length === 0) {
    notes.push({
      source,
      item,
      reason: 'maps no groups and no username: the access entry only lets the principal authenticate, with the username EKS derives from its ARN',
    });
  }
  return {
    entry: {
      source,
      principalArn,
      type: AccessEntryType.STANDARD,
      kubernetesGroups,
      ...(keptUsername !== undefined ? { username: keptUsername } : {}),
      accessPolicies,
    },
    unmappable,
    notes,
  };
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
 * A construct id for the entry of a principal: its role or user name when known, else its place in
 * the ConfigMap; unique among `used`.
 */
export function awsAuthEntryId(entry: AwsAuthMigrationEntry, used: Set<string>): string {
  const known = isKnown(entry.principalArn);
  const base = known
    ? entry.principalArn.split(':').slice(5).join(':').replace(/[^A-Za-z0-9-]+/g, '-')
    : entry.source.replace(/[^A-Za-z0-9]+/g, '');
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
