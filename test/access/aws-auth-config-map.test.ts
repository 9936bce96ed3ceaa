import { readAwsAuth } from '../../src/access/aws-auth/private/aws-auth-config-map';

/*
 * Reading the aws-auth ConfigMap the planner plans from: the object as kubectl prints it (YAML or
 * JSON, also in a List), its data, or one section pasted on its own; every mistake a clear error.
 */

const ROLE = { rolearn: 'arn:aws:iam::111122223333:role/Admin', username: 'admin', groups: ['system:masters'] };
const USER = { userarn: 'arn:aws:iam::111122223333:user/alice', username: 'alice', groups: ['developers'] };
const MAP_ROLES = '- rolearn: arn:aws:iam::111122223333:role/Admin\n  username: admin\n  groups:\n    - system:masters\n';
const MAP_USERS = '- userarn: arn:aws:iam::111122223333:user/alice\n  username: alice\n  groups: [developers]\n';
const MAP_ACCOUNTS = '- "012345678901"\n- 111122223333\n';
const indent = (text: string, spaces: number) => text.split('\n').map((line) => (line ? `${' '.repeat(spaces)}${line}` : line)).join('\n');
const configMap = (name = 'aws-auth', data = `  mapRoles: |\n${indent(MAP_ROLES, 4)}  mapUsers: |\n${indent(MAP_USERS, 4)}  mapAccounts: |\n${indent(MAP_ACCOUNTS, 4)}`) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: kube-system\ndata:\n${data}`;
const ALL = { mapRoles: [ROLE], mapUsers: [USER], mapAccounts: ['012345678901', '111122223333'] };
const NONE = { mapRoles: [], mapUsers: [], mapAccounts: [] };

describe('the forms it reads', () => {
  test('the ConfigMap as kubectl prints it; every scalar stays text (account ids keep their leading zeros)', () => {
    expect(readAwsAuth(configMap())).toEqual(ALL);
  });

  test('the ConfigMap as JSON', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth' }, data: { mapRoles: MAP_ROLES, mapUsers: MAP_USERS, mapAccounts: MAP_ACCOUNTS } });
    expect(readAwsAuth(json)).toEqual(ALL);
  });

  test('sections given as lists rather than YAML text', () => {
    expect(readAwsAuth(JSON.stringify({ kind: 'ConfigMap', data: { mapRoles: [ROLE] } }))).toEqual({ ...NONE, mapRoles: [ROLE] });
  });

  test('a List of objects (kubectl get configmaps -o yaml): the ConfigMap named aws-auth', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { kind: 'Secret', metadata: { name: 'aws-auth' } },
        { kind: 'ConfigMap', metadata: { name: 'coredns' }, data: { Corefile: '.:53' } },
        { kind: 'ConfigMap', metadata: { name: 'aws-auth' }, data: { mapUsers: MAP_USERS } },
      ],
    };
    expect(readAwsAuth(JSON.stringify(list))).toEqual({ ...NONE, mapUsers: [USER] });
  });

  test('several YAML documents: the ConfigMap named aws-auth', () => {
    expect(readAwsAuth(`${configMap('coredns', '  Corefile: x\n')}---\n${configMap()}---\nkind: Namespace\n`)).toEqual(ALL);
  });

  test('one ConfigMap is taken whatever its name', () => {
    expect(readAwsAuth(`kind: Namespace\n---\n${configMap('renamed')}`)).toEqual(ALL);
  });

  test('a ConfigMap without data, or with empty sections, maps nothing', () => {
    expect(readAwsAuth('kind: ConfigMap\nmetadata:\n  name: aws-auth\n')).toEqual(NONE);
    expect(readAwsAuth('kind: ConfigMap\ndata:\n')).toEqual(NONE);
    expect(readAwsAuth('kind: ConfigMap\ndata:\n  mapRoles: ""\n  mapUsers:\n  mapAccounts: "[]"\n')).toEqual(NONE);
  });

  test('the data on its own, or an object with data', () => {
    expect(readAwsAuth(`mapRoles: |\n${indent(MAP_ROLES, 2)}`)).toEqual({ ...NONE, mapRoles: [ROLE] });
    expect(readAwsAuth(`mapAccounts: |\n${indent(MAP_ACCOUNTS, 2)}`)).toEqual({ ...NONE, mapAccounts: ['012345678901', '111122223333'] });
    expect(readAwsAuth(`data:\n  mapUsers: |\n${indent(MAP_USERS, 4)}`)).toEqual({ ...NONE, mapUsers: [USER] });
    expect(readAwsAuth('data: x\nmapRoles: []\n')).toEqual(NONE);
  });

  test('a section pasted on its own: role mappings, user mappings and account ids told apart by their keys', () => {
    expect(readAwsAuth(MAP_ROLES)).toEqual({ ...NONE, mapRoles: [ROLE] });
    expect(readAwsAuth(`${MAP_USERS}${MAP_ROLES}${MAP_ACCOUNTS}- username: ghost\n`)).toEqual({
      mapRoles: [ROLE, { username: 'ghost' }], mapUsers: [USER], mapAccounts: ['012345678901', '111122223333'],
    });
  });

  test('empty documents are skipped: a pasted list between document markers', () => {
    expect(readAwsAuth(`---\n${MAP_ROLES}---\n`)).toEqual({ ...NONE, mapRoles: [ROLE] });
    expect(readAwsAuth(`${configMap()}---\n`)).toEqual(ALL);
  });

  test('a section whose text is an empty document maps nothing', () => {
    expect(readAwsAuth(JSON.stringify({ kind: 'ConfigMap', data: { mapRoles: '---\n', mapUsers: MAP_USERS } }))).toEqual({ ...NONE, mapUsers: [USER] });
  });

  test('several ConfigMaps, one without metadata: the one named aws-auth', () => {
    expect(readAwsAuth(`kind: ConfigMap\ndata:\n  x: y\n---\n${configMap()}`)).toEqual(ALL);
  });

  test('an empty item of a pasted list is text, so an account id (the planner reports it)', () => {
    expect(readAwsAuth('- rolearn: x\n-\n')).toEqual({ ...NONE, mapRoles: [{ rolearn: 'x' }], mapAccounts: [''] });
  });
});

describe('what it refuses', () => {
  test.each<[string, string]>([
    ['', 'the input is empty: give the aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml) or its mapRoles/mapUsers/mapAccounts'],
    ['# only a comment\n', 'the input is empty: give the aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml) or its mapRoles/mapUsers/mapAccounts'],
    [`${configMap('coredns')}---\n${configMap('other')}`, 'the input has several ConfigMaps and none is named aws-auth'],
    ['a: 1\n---\nb: 2\n', 'the input has several YAML documents and no ConfigMap'],
    ['just text', 'the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list'],
    ['apiVersion: v1\nkind: Secret\n', 'the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list'],
    ['kind: List\nitems: x\n', 'the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list'],
    // Only a List's items are looked into.
    [JSON.stringify({ kind: 'Namespace', items: [{ kind: 'ConfigMap', data: { mapRoles: MAP_ROLES } }] }),
      'the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list'],
    ['---\n', 'the input is empty: give the aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml) or its mapRoles/mapUsers/mapAccounts'],
    ['data:\n  other: x\n', 'the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list'],
    ['mapRoles: "x: y"\n', 'mapRoles is not a YAML list'],
    ['kind: ConfigMap\ndata:\n  mapUsers: "a"\n', 'mapUsers is not a YAML list'],
    ['kind: ConfigMap\ndata:\n  mapAccounts: "{}"\n', 'mapAccounts is not a YAML list'],
  ])('%p', (text, message) => {
    expect(() => readAwsAuth(text)).toThrow(new Error(message));
  });

  test('YAML that does not parse: the first line of the parser\'s message', () => {
    expect(() => readAwsAuth('a: [b')).toThrow(new Error('the input is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 6:'));
    expect(() => readAwsAuth('data:\n  mapRoles: |\n    - rolearn: x\n      groups: [a\n'))
      .toThrow(new Error('mapRoles is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1:'));
  });
});
