import * as fs from 'fs';
import * as path from 'path';
import { LEGACY_ROLE_NAME, MOVED_ROLE_NAMES, synthesizeDiffApp, TARGET_ROLE_NAME } from './diff-apps';
import {
  CheckInput, IdentityChange, IdentityChangeArea as Area, IdentityChangeFlag as Flag, IdentityChangeKind as Kind, IdentityDiff,
} from '../../src';
import { readAssembly } from '../../src/checks/assembly';

let before: string;
let after: string;
let diff: IdentityDiff;
beforeAll(() => {
  before = synthesizeDiffApp('before');
  after = synthesizeDiffApp('after');
  diff = IdentityDiff.between(before, after);
});

const PLATFORM_CLUSTER = 'cluster myeks (stack Platform)';

/** The one change of an area whose subject contains a text. */
function changeOf(area: Area, subject: string): IdentityChange {
  const found = diff.changes.filter((c) => c.area === area && c.subject.includes(subject));
  expect(found.map((c) => c.subject)).toHaveLength(1);
  return found[0];
}

describe('who can assume which role', () => {
  test('(a) an IRSA trust broadened to system:serviceaccount:*:* on a cluster of the same stack, written as Fn::Sub', () => {
    const template = JSON.parse(fs.readFileSync(path.join(after, 'Platform.template.json'), 'utf-8'));
    const role = Object.values<any>(template.Resources).find((r) => r.Properties?.RoleName === 'Platform-Cluster-Reader-2D59E871');
    expect(Object.keys(role.Properties.AssumeRolePolicyDocument)).toEqual(['Fn::Sub']);

    expect(changeOf(Area.IRSA_TRUST, 'Platform-Cluster-Reader')).toEqual({
      area: Area.IRSA_TRUST,
      kind: Kind.CHANGED,
      broadening: true,
      flags: [Flag.BROADENED_TRUST, Flag.NEW_WILDCARD],
      subject: 'role Platform-Cluster-Reader-2D59E871',
      cluster: PLATFORM_CLUSTER,
      stackName: 'Platform',
      logicalId: 'ClusterReaderRole0A8FE95E',
      summary: `IRSA trust of role Platform-Cluster-Reader-2D59E871 on ${PLATFORM_CLUSTER} broadened`,
      details: [
        '+ system:serviceaccount:*:* (unscoped: any service account (system:serviceaccount:*:*) + audience)',
        '- system:serviceaccount:default:my-sa (exact subject + audience)',
      ],
    });
  });

  test('(b) a new role trusted by a wildcard subject is a new wildcard, not a broadened trust', () => {
    expect(changeOf(Area.IRSA_TRUST, 'Platform-Cluster-Batch')).toMatchObject({
      kind: Kind.ADDED,
      broadening: true,
      flags: [Flag.NEW_WILDCARD],
      summary: `role Platform-Cluster-Batch-98E16897 is trusted by service accounts of ${PLATFORM_CLUSTER} (IRSA)`,
      details: ['+ system:serviceaccount:batch:job-* (name pattern (batch/job-*) + audience)'],
    });
  });

  test('pod identity scope loss: the trust loses its session tag conditions and the association its session tags', () => {
    expect(changeOf(Area.POD_IDENTITY_TRUST, 'Platform-Cluster-Writer')).toMatchObject({
      kind: Kind.CHANGED,
      flags: [Flag.BROADENED_TRUST, Flag.NEW_WILDCARD],
      summary: 'pod identity trust of role Platform-Cluster-Writer-FFDD1ECF lost scope',
      details: [
        '+ EKS Pod Identity, no session tag conditions: any association in the account',
        '- EKS Pod Identity, session tags eks-cluster-arn = the ARN of Cluster9EE0221C (Platform/Cluster/Resource/Resource), kubernetes-namespace = app, kubernetes-service-account = writer',
      ],
    });
    expect(changeOf(Area.POD_IDENTITY_ASSOCIATION, 'app/writer')).toMatchObject({
      kind: Kind.CHANGED,
      flags: [Flag.BROADENED_TRUST],
      cluster: PLATFORM_CLUSTER,
      details: [
        'session tags disabled: the trust can no longer be scoped to this service account',
        'trust verdict: session tags: cluster+namespace+SA → session tags disabled (the trust cannot be scoped)',
      ],
    });
  });

  test('a removed audience condition, on a role rewritten by hand under another construct id (matched by its name)', () => {
    expect(changeOf(Area.IRSA_TRUST, LEGACY_ROLE_NAME)).toMatchObject({
      kind: Kind.CHANGED,
      flags: [Flag.BROADENED_TRUST],
      subject: `role ${LEGACY_ROLE_NAME} (was Apps/LegacyRoleB2E0C0D0)`,
      cluster: 'cluster imported',
      logicalId: 'HandWrittenLegacyRoleD66B350E',
      details: ['system:serviceaccount:legacy:app: audience sts.amazonaws.com → no audience condition'],
    });
  });

  test('a new cross-account target role: the association chains to it, and its trust names the association role', () => {
    expect(changeOf(Area.TARGET_ROLE, 'data/exporter')).toMatchObject({
      kind: Kind.ADDED,
      flags: [Flag.BROADENED_TRUST],
      summary: `data/exporter in ${PLATFORM_CLUSTER} now chains to target role ${TARGET_ROLE_NAME}`,
      details: [`+ role ${TARGET_ROLE_NAME} (arn:aws:iam::210987654321:role/${TARGET_ROLE_NAME}): pods get its credentials`],
    });
    const trust = changeOf(Area.AWS_PRINCIPAL_TRUST, TARGET_ROLE_NAME);
    expect(trust).toMatchObject({ kind: Kind.ADDED, broadening: false, flags: [], stackName: 'DataAccount' });
    expect(trust.details).toEqual([expect.stringMatching(
      /^\+ arn:aws:iam::123456789012:root when ArnEquals aws:PrincipalARN arn:aws:iam::123456789012:role\/Platform-Cluster-Exporter-A894C1D4; .*kubernetes-service-account exporter$/)]);
  });
});

describe('who can do what in each cluster', () => {
  test('(c) new cluster admins: an access entry with AmazonEKSClusterAdminPolicy and a binding to cluster-admin', () => {
    expect(changeOf(Area.ACCESS_ENTRY, 'role Ops')).toMatchObject({
      kind: Kind.ADDED,
      flags: [Flag.NEW_CLUSTER_ADMIN],
      cluster: PLATFORM_CLUSTER,
      summary: `role Ops becomes cluster admin of ${PLATFORM_CLUSTER}`,
      details: ['+ type STANDARD', '+ access policy AmazonEKSClusterAdminPolicy (cluster)'],
    });
    expect(changeOf(Area.RBAC, 'ClusterRoleBinding breakglass')).toMatchObject({
      kind: Kind.ADDED,
      flags: [Flag.NEW_CLUSTER_ADMIN],
      summary: `ClusterRoleBinding breakglass-cluster-admin makes Group breakglass cluster admins of ${PLATFORM_CLUSTER}`,
    });
  });

  test('(d) cluster admins by a Kubernetes group bound to cluster-admin: a group added to an entry, a new entry with it', () => {
    const binding = 'ClusterRole cluster-admin by ClusterRoleBinding breakglass-cluster-admin';
    expect(changeOf(Area.ACCESS_ENTRY, 'role Dev')).toMatchObject({
      kind: Kind.CHANGED,
      broadening: true,
      flags: [Flag.NEW_CLUSTER_ADMIN],
      summary: `role Dev becomes cluster admin of ${PLATFORM_CLUSTER}`,
      details: [`+ Kubernetes group breakglass (cluster admin: bound to ${binding})`],
    });
    expect(changeOf(Area.ACCESS_ENTRY, 'role Oncall')).toMatchObject({
      kind: Kind.ADDED,
      broadening: true,
      flags: [Flag.NEW_CLUSTER_ADMIN],
      summary: `role Oncall becomes cluster admin of ${PLATFORM_CLUSTER}`,
      details: ['+ type STANDARD', `+ Kubernetes group breakglass (cluster admin: bound to ${binding})`],
    });
  });

  test('(d) a group an entry already has comes to be bound to cluster-admin: the entry\'s principal is a new cluster admin', () => {
    expect(changeOf(Area.ACCESS_ENTRY, 'role Sre')).toMatchObject({
      kind: Kind.CHANGED,
      flags: [Flag.NEW_CLUSTER_ADMIN],
      summary: `role Sre becomes cluster admin of ${PLATFORM_CLUSTER}`,
      details: ['Kubernetes group sre: now bound to ClusterRole cluster-admin by ClusterRoleBinding sre-cluster-admin'],
    });
    expect(changeOf(Area.RBAC, 'ClusterRoleBinding sre')).toMatchObject({ kind: Kind.ADDED, flags: [Flag.NEW_CLUSTER_ADMIN] });
    // And back: the binding removed narrows the entry.
    const reverse = IdentityDiff.between(after, before).changes.find((c) => c.subject === 'access entry of role Sre');
    expect(reverse).toMatchObject({
      kind: Kind.CHANGED,
      broadening: false,
      flags: [],
      details: ['Kubernetes group sre: no longer bound to ClusterRole cluster-admin by ClusterRoleBinding sre-cluster-admin'],
    });
  });

  test('(e) named roles whose constructs move keep their access entries, associations and target roles', () => {
    const mentioned = diff.changes.filter((c) => MOVED_ROLE_NAMES.some((name) => JSON.stringify(c).includes(name)));
    expect(mentioned).toEqual([]);
    // The constructs did move: the access entry's principal is the role of another logical id.
    const logicalIdOf = (dir: string, roleName: string) => Object.entries<any>(JSON.parse(fs.readFileSync(path.join(dir, 'Platform.template.json'), 'utf-8')).Resources)
      .find(([, r]) => r.Type === 'AWS::IAM::Role' && r.Properties.RoleName === roleName)![0];
    for (const name of MOVED_ROLE_NAMES.slice(0, 2)) expect(logicalIdOf(before, name)).not.toEqual(logicalIdOf(after, name));
  });

  test('an access policy scope widened from a namespace to the cluster', () => {
    expect(changeOf(Area.ACCESS_ENTRY, 'role TeamA')).toMatchObject({
      kind: Kind.CHANGED,
      broadening: true,
      flags: [],
      summary: `access of role TeamA to ${PLATFORM_CLUSTER} widened`,
      details: ['AmazonEKSEditPolicy: namespaces team-a → cluster'],
    });
  });

  test('RBAC rules widened; a removed access entry narrows', () => {
    expect(changeOf(Area.RBAC, 'Role team-a/pod-readers')).toMatchObject({
      kind: Kind.CHANGED,
      broadening: true,
      flags: [],
      details: ['+ rule: get, list pods in API groups ""', '- rule: get pods in API groups ""'],
    });
    expect(changeOf(Area.ACCESS_ENTRY, 'role Audit')).toMatchObject({
      kind: Kind.REMOVED,
      broadening: false,
      details: ['- type STANDARD', '- access policy AmazonEKSViewPolicy (cluster)'],
    });
  });
});

describe('permissions of identity roles', () => {
  test('permissions added', () => {
    expect(changeOf(Area.PERMISSIONS, 'Platform-Cluster-Uploader')).toMatchObject({
      kind: Kind.CHANGED,
      broadening: true,
      summary: 'permissions of role Platform-Cluster-Uploader-2B8B8881 added',
      details: ['+ Allow s3:PutObject on arn:aws:s3:::uploads/*'],
    });
    // The association role of the new target role may now assume it.
    expect(changeOf(Area.PERMISSIONS, 'Platform-Cluster-Exporter').details)
      .toEqual([`+ Allow sts:AssumeRole, sts:TagSession on arn:aws:iam::210987654321:role/${TARGET_ROLE_NAME}`]);
  });
});

describe('the whole diff', () => {
  test('every change, flagged ones first, then other broadening, additions, removals; nothing else', () => {
    expect(diff.changes.map((c) => [c.area, c.kind, c.subject, c.flags])).toEqual([
      [Area.IRSA_TRUST, Kind.ADDED, 'role Platform-Cluster-Batch-98E16897', [Flag.NEW_WILDCARD]],
      [Area.IRSA_TRUST, Kind.CHANGED, 'role Platform-Cluster-Reader-2D59E871', [Flag.BROADENED_TRUST, Flag.NEW_WILDCARD]],
      [Area.IRSA_TRUST, Kind.CHANGED, `role ${LEGACY_ROLE_NAME} (was Apps/LegacyRoleB2E0C0D0)`, [Flag.BROADENED_TRUST]],
      [Area.POD_IDENTITY_TRUST, Kind.CHANGED, 'role Platform-Cluster-Writer-FFDD1ECF', [Flag.BROADENED_TRUST, Flag.NEW_WILDCARD]],
      [Area.POD_IDENTITY_ASSOCIATION, Kind.CHANGED, 'pod identity association of app/writer', [Flag.BROADENED_TRUST]],
      [Area.TARGET_ROLE, Kind.ADDED, 'target role of data/exporter', [Flag.BROADENED_TRUST]],
      [Area.ACCESS_ENTRY, Kind.CHANGED, 'access entry of role Dev', [Flag.NEW_CLUSTER_ADMIN]],
      [Area.ACCESS_ENTRY, Kind.ADDED, 'access entry of role Oncall', [Flag.NEW_CLUSTER_ADMIN]],
      [Area.ACCESS_ENTRY, Kind.ADDED, 'access entry of role Ops', [Flag.NEW_CLUSTER_ADMIN]],
      [Area.ACCESS_ENTRY, Kind.CHANGED, 'access entry of role Sre', [Flag.NEW_CLUSTER_ADMIN]],
      [Area.RBAC, Kind.ADDED, 'ClusterRoleBinding breakglass-cluster-admin', [Flag.NEW_CLUSTER_ADMIN]],
      [Area.RBAC, Kind.ADDED, 'ClusterRoleBinding sre-cluster-admin', [Flag.NEW_CLUSTER_ADMIN]],
      [Area.ACCESS_ENTRY, Kind.CHANGED, 'access entry of role TeamA', []],
      [Area.RBAC, Kind.CHANGED, 'Role team-a/pod-readers', []],
      [Area.PERMISSIONS, Kind.CHANGED, 'role Platform-Cluster-Exporter-A894C1D4', []],
      [Area.PERMISSIONS, Kind.CHANGED, 'role Platform-Cluster-Uploader-2B8B8881', []],
      [Area.AWS_PRINCIPAL_TRUST, Kind.ADDED, `role ${TARGET_ROLE_NAME}`, []],
      [Area.ACCESS_ENTRY, Kind.REMOVED, 'access entry of role Audit', []],
    ]);
    expect(diff.broadened).toBe(true);
    expect(diff.broadenings).toHaveLength(16);
  });

  test('an assembly against itself: no changes', () => {
    for (const dir of [before, after]) {
      const same = IdentityDiff.between(dir, dir);
      expect(same.changes).toEqual([]);
      expect(same.broadened).toBe(false);
      expect(same.toMarkdown()).toContain('no changes in who can assume which role');
    }
  });

  test('things are matched by identity, not position: stacks, resources and Kubernetes objects in another order', () => {
    const shuffle = (inputs: CheckInput[]): CheckInput[] => [...inputs].reverse().map((input) => ({
      ...input,
      template: { ...input.template, Resources: Object.fromEntries(Object.entries(input.template.Resources).reverse()) },
      kubernetesManifests: [...input.kubernetesManifests ?? []].reverse(),
      clusterKubernetesManifests: (input.clusterKubernetesManifests ?? []).map((c) => ({ ...c, manifests: [...c.manifests].reverse() })).reverse(),
    }));
    const inputs = readAssembly(after);
    expect(IdentityDiff.ofTemplates(inputs, shuffle(inputs)).changes).toEqual([]);
    expect(IdentityDiff.ofTemplates(readAssembly(before), shuffle(inputs)).changes.map((c) => c.subject))
      .toEqual(diff.changes.map((c) => c.subject));
  });

  test('Markdown for a pull request comment: a marker, the flagged changes first, values in code spans', () => {
    const markdown = diff.toMarkdown();
    const lines = markdown.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '<!-- cdk-eks-identity diff -->',
      '## EKS identity changes',
      '',
      `\`${before}\` → \`${after}\`: 18 changes, **16 grant more than before**.`,
    ]);
    const sections = lines.filter((l) => l.startsWith('### '));
    expect(sections).toEqual(['### Review first', '### Who can assume which role', '### Who can do what in each cluster']);
    expect(markdown).toContain('- **BROADENED TRUST, NEW WILDCARD**: IRSA trust of role Platform-Cluster-Reader-2D59E871 on cluster myeks (stack Platform) broadened (`Platform/ClusterReaderRole0A8FE95E`)\n'
      + '  - `+ system:serviceaccount:*:* (unscoped: any service account (system:serviceaccount:*:*) + audience)`\n');
    expect(markdown).toContain('- **NEW CLUSTER ADMIN**: role Ops becomes cluster admin');
    expect(markdown).toContain('- **widened**: access of role TeamA');
    expect(markdown).toContain('- removed: role Audit loses its access entry');
    expect(markdown.indexOf('**widened**')).toBeGreaterThan(markdown.lastIndexOf('**NEW CLUSTER ADMIN**'));
  });

  test('JSON: the document with the labels, the verdict and every change', () => {
    const json = JSON.parse(diff.toJson());
    expect(json).toEqual({ before, after, broadened: true, changes: JSON.parse(JSON.stringify(diff.changes)) });
    expect(IdentityDiff.ofTemplates([], [], { beforeLabel: 'main', afterLabel: 'pr-42' }).document)
      .toEqual({ before: 'main', after: 'pr-42', broadened: false, changes: [] });
  });
});

describe('hand-written templates and Kubernetes objects', () => {
  const everything = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'root' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] };
  const binding = (groups: string[]) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'root-binding' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'root' },
    subjects: groups.map((name) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name })),
  });
  const cluster = { Cluster: { Type: 'AWS::EKS::Cluster', Properties: { Name: 'prod' } } };
  const input = (manifests: any[], resources: any = {}): CheckInput => ({ stackName: 'Prod', template: { Resources: { ...cluster, ...resources } }, kubernetesManifests: manifests });

  test('a ClusterRole that allows everything is a wildcard, and a group bound to it cluster-wide a new cluster admin', () => {
    const changes = IdentityDiff.ofTemplates([input([])], [input([everything, binding(['ops'])])]).changes;
    expect(changes.map((c) => [c.subject, c.kind, c.flags])).toEqual([
      ['ClusterRole root', Kind.ADDED, [Flag.NEW_WILDCARD]],
      ['ClusterRoleBinding root-binding', Kind.ADDED, [Flag.NEW_CLUSTER_ADMIN]],
    ]);
    expect(changes[1].summary).toBe('ClusterRoleBinding root-binding makes Group ops cluster admins of cluster prod (stack Prod)');
    const more = IdentityDiff.ofTemplates([input([everything, binding(['ops'])])], [input([everything, binding(['ops', 'devs'])])]).changes;
    expect(more.map((c) => [c.subject, c.kind, c.flags, c.details])).toEqual([
      ['ClusterRoleBinding root-binding', Kind.CHANGED, [Flag.NEW_CLUSTER_ADMIN], ['+ to Group devs']],
    ]);
  });

  test('an entry\'s group bound cluster-wide to a ClusterRole that allows everything makes a cluster admin; a RoleBinding to cluster-admin does not', () => {
    const entry = {
      Type: 'AWS::EKS::AccessEntry',
      Properties: { ClusterName: { Ref: 'Cluster' }, PrincipalArn: 'arn:aws:iam::123456789012:role/Ops', KubernetesGroups: ['ops'] },
    };
    const namespaced = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'ops-admin', namespace: 'ops' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }],
    };
    const inNamespace = IdentityDiff.ofTemplates([input([], { Ops: entry })], [input([namespaced], { Ops: entry })]).changes;
    expect(inNamespace.map((c) => [c.subject, c.flags])).toEqual([['RoleBinding ops/ops-admin', []]]);
    const clusterWide = IdentityDiff.ofTemplates([input([everything], { Ops: entry })], [input([everything, binding(['ops'])], { Ops: entry })]).changes;
    expect(clusterWide.map((c) => [c.subject, c.kind, c.flags, c.details])).toEqual([
      ['access entry of role Ops', Kind.CHANGED, [Flag.NEW_CLUSTER_ADMIN], ['Kubernetes group ops: now bound to ClusterRole root by ClusterRoleBinding root-binding']],
      ['ClusterRoleBinding root-binding', Kind.ADDED, [Flag.NEW_CLUSTER_ADMIN], ['+ binds ClusterRole root', '+ to Group ops']],
    ]);
  });

  test('permissions replaced are changed, not added; only removed, reduced', () => {
    const podRole = (actions: string[]) => ({
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'worker',
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] },
        Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: actions.map((a) => ({ Effect: 'Allow', Action: a, Resource: 'arn:aws:s3:::b/*' })) } }],
      },
    });
    const permissions = (b: string[], a: string[]) => IdentityDiff
      .ofTemplates([input([], { Worker: podRole(b) })], [input([], { Worker: podRole(a) })]).changes
      .map((c) => [c.summary, c.broadening, c.details]);
    expect(permissions(['s3:GetObject'], ['s3:PutObject'])).toEqual([['permissions of role worker changed', true, [
      '+ Allow s3:PutObject on arn:aws:s3:::b/*', '- Allow s3:GetObject on arn:aws:s3:::b/*',
    ]]]);
    expect(permissions(['s3:GetObject'], ['s3:GetObject', 's3:PutObject'])[0].slice(0, 2)).toEqual(['permissions of role worker added', true]);
    expect(permissions(['s3:GetObject', 's3:PutObject'], ['s3:GetObject'])[0].slice(0, 2)).toEqual(['permissions of role worker reduced', false]);
  });

  test('a target role names its ARN once: not for a role of the same stack, not twice for a role outside the templates', () => {
    const association = (target: any) => ({
      Type: 'AWS::EKS::PodIdentityAssociation',
      Properties: {
        ClusterName: { Ref: 'Cluster' },
        Namespace: 'app',
        ServiceAccount: 'web',
        RoleArn: 'arn:aws:iam::123456789012:role/web',
        ...(target ? { TargetRoleArn: target } : {}),
      },
    });
    const target = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } };
    const details = (arn: any) => IdentityDiff
      .ofTemplates([input([], { Web: association(undefined), Target: target })], [input([], { Web: association(arn), Target: target })])
      .changes.filter((c) => c.area === Area.TARGET_ROLE).map((c) => c.details);
    expect(details('arn:aws:iam::210987654321:role/elsewhere')).toEqual([['+ arn:aws:iam::210987654321:role/elsewhere: pods get its credentials']]);
    expect(details({ 'Fn::GetAtt': ['Target', 'Arn'] })).toEqual([['+ role Target: pods get its credentials']]);
  });

  test('an identity role that comes to trust any AWS principal; system:masters on an access entry', () => {
    const role = (principal: any) => ({
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'shared',
        AssumeRolePolicyDocument: {
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
            ...(principal ? [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] : []),
          ],
        },
      },
    });
    const entry = (groups: string[]) => ({
      Type: 'AWS::EKS::AccessEntry',
      Properties: { ClusterName: { Ref: 'Cluster' }, PrincipalArn: 'arn:aws:iam::123456789012:role/Ops', KubernetesGroups: groups },
    });
    const changes = IdentityDiff.ofTemplates(
      [input([], { Shared: role(undefined), Ops: entry(['viewers']) })],
      [input([], { Shared: role('*'), Ops: entry(['viewers', 'system:masters']) })],
    ).changes;
    // A `*` principal lets EKS Pod Identity in too, unscoped.
    expect(changes.map((c) => [c.area, c.kind, c.flags, c.details])).toEqual([
      [Area.POD_IDENTITY_TRUST, Kind.CHANGED, [Flag.BROADENED_TRUST, Flag.NEW_WILDCARD], ['+ any principal (*), no session tag conditions: any association in the account']],
      [Area.AWS_PRINCIPAL_TRUST, Kind.ADDED, [Flag.BROADENED_TRUST, Flag.NEW_WILDCARD], ['+ any AWS principal (*)']],
      [Area.ACCESS_ENTRY, Kind.CHANGED, [Flag.NEW_CLUSTER_ADMIN], ['+ Kubernetes group system:masters']],
    ]);
  });
});
