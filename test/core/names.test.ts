import { accessEntryUsernameProblem, kubernetesGroupProblem, RESERVED_USERNAME_PREFIXES } from '../../src/core/access-entry-names';
import { clusterNameProblem } from '../../src/core/cluster-name';
import { fargateNamespaceProblem, namespaceNameProblem, rbacObjectNameProblem, serviceAccountNameProblem } from '../../src/core/kubernetes-names';
import { iamPathProblem, roleNameProblem } from '../../src/core/role-name';

/*
 * The name validators of the core (Kubernetes names, IAM role names and paths, EKS cluster names,
 * access entry usernames and groups), each problem asserted with its whole message and fix. A
 * deploy-time part of a name is skipped; the literal rest is judged.
 */

const TOKEN = '${Token[TOKEN.12]}';

describe('namespaceNameProblem (a DNS-1123 label)', () => {
  const FIX = "use a DNS-1123 label such as 'my-app'";
  const invalid = (name: string, reason: string, what = 'namespace') => ({ problem: `${what} '${name}' is not a valid Kubernetes namespace name: ${reason}`, fix: FIX });

  test.each(['a', '1', 'my-app', 'a1-b2', 'x'.repeat(63), `app-${TOKEN}`, `${TOKEN}-app`, TOKEN, `${'x'.repeat(63)}${TOKEN}`])('%p is valid', (name) => {
    expect(namespaceNameProblem(name)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['', 'it is empty'],
    ['My-App', 'it contains "M", "A" (a DNS-1123 label has only lower case letters, digits and \'-\')'],
    ['my.app', 'it contains "." (a DNS-1123 label has only lower case letters, digits and \'-\')'],
    ['my app', 'it contains " " (whitespace) (a DNS-1123 label has only lower case letters, digits and \'-\')'],
    ['-app', 'it must start and end with a lower case letter or digit'],
    ['app-', 'it must start and end with a lower case letter or digit'],
    ['-', 'it must start and end with a lower case letter or digit'],
    [`-${TOKEN}`, 'it must start and end with a lower case letter or digit'],
    [`${TOKEN}-`, 'it must start and end with a lower case letter or digit'],
    ['x'.repeat(64), 'it is 64 characters long (at most 63)'],
    [`${'x'.repeat(64)}${TOKEN}`, 'it is 64 characters long (at most 63)'],
  ])('%p', (name, reason) => {
    expect(namespaceNameProblem(name)).toEqual(invalid(name, reason));
  });

  test('named as the caller says', () => {
    expect(namespaceNameProblem('', 'scope namespace')).toEqual(invalid('', 'it is empty', 'scope namespace'));
  });
});

describe('serviceAccountNameProblem (a DNS-1123 subdomain)', () => {
  const FIX = "use a DNS-1123 subdomain such as 'my-sa'";
  const invalid = (name: string, reason: string) => ({ problem: `service account name '${name}' is not a valid Kubernetes name: ${reason}`, fix: FIX });
  const DOTS = 'each dot-separated part must start and end with a lower case letter or digit';

  test.each(['a', 'my-sa', 'my.sa', 'a.b.c', 'a-1.b-2', 'x'.repeat(253), `sa.${TOKEN}`, `${TOKEN}.sa`, `a-.${TOKEN}`])('%p is valid', (name) => {
    expect(serviceAccountNameProblem(name)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['', 'it is empty'],
    ['my_sa', 'it contains "_" (a DNS-1123 subdomain has only lower case letters, digits, \'-\' and \'.\')'],
    ['.sa', 'it must start and end with a lower case letter or digit'],
    ['sa.', 'it must start and end with a lower case letter or digit'],
    ['a..b', DOTS],
    ['a.-b', DOTS],
    ['a-.b', DOTS],
    ['a.b-.c', DOTS],
    ['x'.repeat(254), 'it is 254 characters long (at most 253)'],
  ])('%p', (name, reason) => {
    expect(serviceAccountNameProblem(name)).toEqual(invalid(name, reason));
  });

  test('named as the caller says', () => {
    expect(serviceAccountNameProblem('', 'serviceAccountName')?.problem).toBe("serviceAccountName '' is not a valid Kubernetes name: it is empty");
  });
});

describe('rbacObjectNameProblem (a path segment name)', () => {
  const FIX = "use a name such as 'pod-readers'";

  // A character outside the Basic Multilingual Plane is one character, judged once.
  test.each(['pod-readers', 'system:controller:x', 'A_b.c', '...', 'a.', 'readers-\u{1F600}', '\u{1F600}'])('%p is valid', (name) => {
    expect(rbacObjectNameProblem(name)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['', 'name is empty'],
    ['.', "name '.' is not a valid RBAC object name (it must not be '.' or '..')"],
    ['..', "name '..' is not a valid RBAC object name (it must not be '.' or '..')"],
    ['a/b', 'name \'a/b\' contains "/", which an RBAC object name cannot hold'],
    ['100%', 'name \'100%\' contains "%", which an RBAC object name cannot hold'],
  ])('%p', (name, problem) => {
    expect(rbacObjectNameProblem(name)).toEqual({ problem, fix: FIX });
  });

  test('named as the caller says', () => {
    expect(rbacObjectNameProblem('', 'roleName')?.problem).toBe('roleName is empty');
  });
});

describe('fargateNamespaceProblem (a namespace or a pattern with * and ?)', () => {
  test.each(['default', 'team-*', '*', 'ns-?', '*-prod'])('%p is valid', (pattern) => {
    expect(fargateNamespaceProblem(pattern)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['Team-*', 'it contains "T" (a DNS-1123 label has only lower case letters, digits and \'-\')'],
    ['-*', 'it must start and end with a lower case letter or digit'],
  ])('%p: the message names the pattern as given', (pattern, reason) => {
    expect(fargateNamespaceProblem(pattern)).toEqual({
      problem: `Fargate namespace '${pattern}' is not a valid Kubernetes namespace name: ${reason}`,
      fix: "use a DNS-1123 label such as 'my-app' (or a pattern with * and ?)",
    });
  });
});

describe('roleNameProblem', () => {
  const FIX = 'use 1-64 characters of letters, digits and + = , . @ _ -';

  test.each(['a', 'MyRole', 'a+b=c,d.e@f_g-h0', 'r'.repeat(64), `${'r'.repeat(64)}${TOKEN}`, `app-${TOKEN}`, TOKEN])('%p is valid', (name) => {
    expect(roleNameProblem(name)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['', 'role name is empty'],
    ['my role', 'role name \'my role\' contains " " (whitespace), which IAM does not allow in role names'],
    ['a/b', 'role name \'a/b\' contains "/", which IAM does not allow in role names'],
    ['é', 'role name \'é\' contains "é", which IAM does not allow in role names'],
    ['r'.repeat(65), `role name '${'r'.repeat(65)}' is 65 characters long (IAM allows at most 64)`],
    [`${'r'.repeat(65)}${TOKEN}`, `role name '${'r'.repeat(65)}${TOKEN}' is 65 characters long without its deploy-time parts (IAM allows at most 64)`],
  ])('%p', (name, problem) => {
    expect(roleNameProblem(name)).toEqual({ problem, fix: FIX });
  });

  test('named as the caller says', () => {
    expect(roleNameProblem('', 'roleName')?.problem).toBe('roleName is empty');
  });
});

describe('iamPathProblem', () => {
  const FIX = "use '/' or a path that starts and ends with '/', e.g. '/workloads/'";

  test.each(['/', '/workloads/', '/a/b/', '/!~/', `/${'p'.repeat(510)}/`, `/${TOKEN}/`, TOKEN])('%p is valid', (path) => {
    expect(iamPathProblem(path)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['', 'path is empty'],
    ['/a b/', 'path \'/a b/\' contains " " (whitespace)'],
    ['/é/', 'path \'/é/\' contains "é"'],
    ['workloads/', "path 'workloads/' does not start and end with '/'"],
    ['/workloads', "path '/workloads' does not start and end with '/'"],
    [`/${'p'.repeat(511)}/`, `path '/${'p'.repeat(511)}/' is longer than 512 characters`],
    ['//', "path '//' has nothing between its slashes"],
  ])('%p', (path, problem) => {
    expect(iamPathProblem(path)).toEqual({ problem, fix: FIX });
  });

  test('named as the caller says', () => {
    expect(iamPathProblem('', 'rolePath')?.problem).toBe('rolePath is empty');
  });
});

describe('clusterNameProblem', () => {
  const FIX = "use 1-100 letters, digits, '-' and '_', starting with a letter or digit";

  test.each(['a', '1', 'My_Cluster-1', 'c-', 'x'.repeat(100), `${TOKEN}-x`, `-${TOKEN}`.slice(1)])('%p is valid', (name) => {
    expect(clusterNameProblem(name)).toBeUndefined();
  });

  test.each<[string, string]>([
    ['', 'cluster name is empty'],
    ['my.cluster', 'cluster name \'my.cluster\' contains "."'],
    ['-c', "cluster name '-c' does not start with a letter or digit"],
    ['_c', "cluster name '_c' does not start with a letter or digit"],
    ['x'.repeat(101), `cluster name '${'x'.repeat(101)}' is 101 characters long (EKS allows at most 100)`],
  ])('%p', (name, problem) => {
    expect(clusterNameProblem(name)).toEqual({ problem, fix: FIX });
  });

  test('named as the caller says', () => {
    expect(clusterNameProblem('', 'clusterName')?.problem).toBe('clusterName is empty');
  });
});

describe('accessEntryUsernameProblem', () => {
  test.each(['admin', 'admin:{{SessionName}}', 'sso-user:{{SessionName}}', 'a:b-{{SessionName}}', 'systemx:admin', 'my-system:admin', 'eks', 'carol:{{AccountID}}',
    `${TOKEN}{{SessionName}}`, `${TOKEN}system:admin`, `x${TOKEN}-{{SessionName}}`,
    // Any character but whitespace: one outside the Basic Multilingual Plane too.
    'dev-\u{1F600}', '\u{1F600}', 'caf\u00E9:{{SessionName}}'])('%p is a username an entry can have', (username) => {
    expect(accessEntryUsernameProblem(username)).toBeUndefined();
  });

  test('an empty username', () => {
    expect(accessEntryUsernameProblem('')).toEqual({ problem: 'username is empty', fix: 'leave username out (EKS then derives it from the principal ARN) or give a name' });
  });

  test.each([
    ['system:admin', 'system:'], ['System:admin', 'System:'], ['SYSTEM:ADMIN', 'SYSTEM:'], ['eks:ops', 'eks:'], ['EKS:ops', 'EKS:'],
    ['aws:x', 'aws:'], ['Aws:x', 'Aws:'], ['amazon:x', 'amazon:'], ['iam:x', 'iam:'], ['IAM:x', 'IAM:'], [`system:${TOKEN}`, 'system:'],
  ])('%p starts with the reserved prefix %p', (username, prefix) => {
    expect(accessEntryUsernameProblem(username)).toEqual({
      problem: `username '${username}' starts with '${prefix}', a prefix EKS reserves (system:, eks:, aws:, amazon:, iam:, in any letter case)`,
      fix: "choose a username without a reserved prefix (e.g. 'admin:{{SessionName}}'), or leave it out",
    });
  });

  test('every reserved prefix is listed', () => {
    expect(RESERVED_USERNAME_PREFIXES).toEqual(['system:', 'eks:', 'aws:', 'amazon:', 'iam:']);
  });

  test.each([['with space', '" " (whitespace)'], ['tab\tname', '"\\t" (whitespace)']])('%p contains whitespace', (username, described) => {
    expect(accessEntryUsernameProblem(username)).toEqual({ problem: `username '${username}' contains ${described}`, fix: 'remove the whitespace' });
  });

  // Judged on the text before {{SessionName}}: a deploy-time value after it does not matter.
  test.each(['{{SessionName}}', 'dev-{{SessionName}}', 'a{{SessionName}}:x', `dev-{{SessionName}}${TOKEN}`])('%p has {{SessionName}} without a colon before it', (username) => {
    expect(accessEntryUsernameProblem(username)).toEqual({
      problem: `username '${username}' has {{SessionName}} without a colon before it`,
      fix: "put a prefix and a colon before it, e.g. 'sso-user:{{SessionName}}'",
    });
  });
});

describe('kubernetesGroupProblem', () => {
  const RESERVED_FIX = 'for cluster admin use the access policy AmazonEKSClusterAdminPolicy (AccessPolicy.clusterAdmin()) instead of system:masters; '
    + 'for anything else use a group of your own bound with RBAC (cluster.addKubernetesGroup)';

  test.each(['pod-readers', 'systemx', 'eks:ops', 'my:system:group', `${TOKEN}system:x`, 'a'.repeat(200), '\u{1F600}-team', '\u{1F600}'])('%p is a group an entry can have', (group) => {
    expect(kubernetesGroupProblem(group)).toBeUndefined();
  });

  test('an empty group name', () => {
    expect(kubernetesGroupProblem('')).toEqual({ problem: 'a Kubernetes group name is empty', fix: 'give every group a name' });
  });

  test.each([
    ['system:nodes', 'system:', ''],
    ['System:Nodes', 'System:', ''],
    ['system:', 'system:', ''],
    ['system:masters', 'system:', ' (system:masters cannot be granted through an access entry)'],
    ['SYSTEM:MASTERS', 'SYSTEM:', ' (system:masters cannot be granted through an access entry)'],
  ])('%p starts with %p', (group, prefix, masters) => {
    expect(kubernetesGroupProblem(group)).toEqual({ problem: `Kubernetes group '${group}' starts with '${prefix}', which access entries reject${masters}`, fix: RESERVED_FIX });
  });

  test('whitespace', () => {
    expect(kubernetesGroupProblem('pod readers')).toEqual({ problem: 'Kubernetes group \'pod readers\' contains " " (whitespace)', fix: 'remove the whitespace' });
  });
});
