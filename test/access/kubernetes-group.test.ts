import { Stack } from 'aws-cdk-lib';
import * as cdk8s from 'cdk8s';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { Namespace } from 'kubernetes-models/v1';
import { IIdentityCluster, KubernetesGroup } from '../../src';
import { importedCluster, newStack } from '../support/fixtures';

const LABELS = { 'app.kubernetes.io/managed-by': 'cdk-eks-identity' };
const RBAC = 'rbac.authorization.k8s.io';
const MODELS: { [kind: string]: any } = { Role, RoleBinding, ClusterRole, ClusterRoleBinding, Namespace };

function setup(): { stack: Stack; cluster: IIdentityCluster } {
  const stack = newStack();
  return { stack, cluster: importedCluster(stack) };
}

function manifests(cluster: IIdentityCluster): any[] {
  return cluster.kubernetesObjects.renderManifests();
}

function validateAll(objects: any[]): void {
  for (const object of objects) {
    const model = MODELS[object.kind];
    expect(model).toBeDefined();
    expect(() => new model(object).validate()).not.toThrow();
  }
}

function error(path: string, problem: string, fix: string): Error {
  return new Error(`${path}: ${problem}. Fix: ${fix}`);
}

describe('RBAC objects for Kubernetes groups', () => {
  test('namespaced rules: a Role and a RoleBinding to the group, valid against the Kubernetes schemas', () => {
    const { cluster } = setup();
    const group = cluster.addKubernetesGroup('PodReaders', {
      group: 'pod-readers',
      namespace: 'app',
      createNamespace: true,
      rules: [
        { resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get'] },
      ],
    });
    expect(group).toBeInstanceOf(KubernetesGroup);
    expect(group.groupName).toBe('pod-readers');
    const objects = manifests(cluster);
    expect(objects).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app', labels: LABELS } },
      {
        apiVersion: `${RBAC}/v1`,
        kind: 'Role',
        metadata: { name: 'pod-readers', namespace: 'app', labels: LABELS },
        rules: [
          { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get'] },
        ],
      },
      {
        apiVersion: `${RBAC}/v1`,
        kind: 'RoleBinding',
        metadata: { name: 'pod-readers', namespace: 'app', labels: LABELS },
        roleRef: { apiGroup: RBAC, kind: 'Role', name: 'pod-readers' },
        subjects: [{ apiGroup: RBAC, kind: 'Group', name: 'pod-readers' }],
      },
    ]);
    validateAll(objects);
    expect(cdk8s.Yaml.stringify(...objects)).toMatchSnapshot();
  });

  test('cluster-wide rules: a ClusterRole (with non-resource URLs) and a ClusterRoleBinding', () => {
    const { cluster } = setup();
    cluster.addKubernetesGroup('NodeViewers', {
      group: 'node-viewers',
      rules: [{ resources: ['nodes'], verbs: ['get', 'list'] }, { nonResourceUrls: ['/healthz', '/version'], verbs: ['get'] }],
    });
    const objects = manifests(cluster);
    expect(objects).toEqual([
      {
        apiVersion: `${RBAC}/v1`,
        kind: 'ClusterRole',
        metadata: { name: 'node-viewers', labels: LABELS },
        rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] }, { nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] }],
      },
      {
        apiVersion: `${RBAC}/v1`,
        kind: 'ClusterRoleBinding',
        metadata: { name: 'node-viewers', labels: LABELS },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'node-viewers' },
        subjects: [{ apiGroup: RBAC, kind: 'Group', name: 'node-viewers' }],
      },
    ]);
    validateAll(objects);
    expect(cdk8s.Yaml.stringify(...objects)).toMatchSnapshot();
  });

  test('bindings to existing ClusterRoles, in a namespace and cluster-wide; no Role is written', () => {
    const { cluster } = setup();
    const viewers = cluster.addKubernetesGroup('AppViewers', { group: 'app-viewers', namespace: 'app', clusterRole: 'view' });
    cluster.addKubernetesGroup('Auditors', { group: 'auditors', clusterRole: 'view' });
    cluster.addKubernetesGroup('Editors', { group: 'editors', namespace: 'app', clusterRole: 'edit', name: 'app-editors' });
    expect(viewers.role).toBeUndefined();
    const objects = manifests(cluster);
    expect(objects.map((o) => [o.kind, o.metadata.namespace, o.metadata.name, o.roleRef, o.subjects[0].name])).toEqual([
      ['RoleBinding', 'app', 'app-viewers-view', { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' }, 'app-viewers'],
      ['ClusterRoleBinding', undefined, 'auditors-view', { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' }, 'auditors'],
      ['RoleBinding', 'app', 'app-editors', { apiGroup: RBAC, kind: 'ClusterRole', name: 'edit' }, 'editors'],
    ]);
    validateAll(objects);
  });

  test('the same group and name in two namespaces are two objects; ids stay unique in the chart', () => {
    const { cluster } = setup();
    for (const namespace of ['a', 'a-b']) {
      cluster.addKubernetesGroup(`Readers-${namespace}`, { group: 'readers', namespace, rules: [{ resources: ['pods'], verbs: ['get'] }] });
    }
    cluster.addKubernetesGroup('ReadersB', { group: 'readers', namespace: 'a', name: 'b-readers', rules: [{ resources: ['pods'], verbs: ['get'] }] });
    const objects = manifests(cluster);
    expect(objects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'Role/a/readers', 'RoleBinding/a/readers', 'Role/a-b/readers', 'RoleBinding/a-b/readers', 'Role/a/b-readers', 'RoleBinding/a/b-readers',
    ]);
    const ids = cluster.kubernetesObjects.chart.node.children.map((c) => c.node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the schema check can fail: an object without roleRef is rejected', () => {
    expect(() => new RoleBinding({ metadata: { name: 'x' }, subjects: [] } as any).validate()).toThrow();
  });
});

describe('bad Kubernetes groups fail at synth', () => {
  const PATH = 'Stack/Imported/X';

  test('a system: group', () => {
    expect(() => setup().cluster.addKubernetesGroup('X', { group: 'system:masters', clusterRole: 'cluster-admin' })).toThrow(error(PATH,
      'Kubernetes group \'system:masters\' starts with \'system:\', which access entries reject (system:masters cannot be granted through an access entry)',
      'for cluster admin use the access policy AmazonEKSClusterAdminPolicy (AccessPolicy.clusterAdmin()) instead of system:masters; '
        + 'for anything else use a group of your own bound with RBAC (cluster.addKubernetesGroup)'));
  });

  test('neither or both of rules and clusterRole', () => {
    const fix = 'give rules (a Role/ClusterRole is written for the group) or clusterRole (an existing ClusterRole such as \'view\' is bound)';
    expect(() => setup().cluster.addKubernetesGroup('X', { group: 'g' })).toThrow(error(PATH, 'Kubernetes group \'g\' needs exactly one of rules and clusterRole', fix));
    expect(() => setup().cluster.addKubernetesGroup('X', { group: 'g', clusterRole: 'view', rules: [{ resources: ['pods'], verbs: ['get'] }] }))
      .toThrow(error(PATH, 'Kubernetes group \'g\' needs exactly one of rules and clusterRole', fix));
  });

  test('bad rules', () => {
    const add = (rules: any[], namespace?: string) => () => setup().cluster.addKubernetesGroup('X', { group: 'g', namespace, rules });
    expect(add([])).toThrow(error(PATH, 'Kubernetes group \'g\' has an empty list of rules', 'give at least one rule, or bind an existing ClusterRole with clusterRole'));
    expect(add([{ resources: ['pods'], verbs: [] }])).toThrow(error(PATH, 'rule 0 of Kubernetes group \'g\' has no verbs', 'list the verbs, e.g. [\'get\', \'list\', \'watch\']'));
    expect(add([{ resources: ['pods'], verbs: ['get'] }, { verbs: ['get'] }])).toThrow(error(PATH,
      'rule 1 of Kubernetes group \'g\' has neither resources nor nonResourceUrls', 'list the resources (e.g. [\'pods\']) or the non-resource URLs (e.g. [\'/healthz\'])'));
    expect(add([{ resources: ['pods'], nonResourceUrls: ['/healthz'], verbs: ['get'] }])).toThrow(error(PATH,
      'rule 0 of Kubernetes group \'g\' has both resources and nonResourceUrls', 'split it into two rules'));
    expect(add([{ nonResourceUrls: ['/healthz'], verbs: ['get'] }], 'app')).toThrow(error(PATH,
      'rule 0 of Kubernetes group \'g\' has nonResourceUrls, which a namespaced Role cannot hold', 'put non-resource URLs into a cluster-wide group (no namespace)'));
    expect(add([{ nonResourceUrls: ['/healthz'], apiGroups: [''], verbs: ['get'] }])).toThrow(error(PATH,
      'rule 0 of Kubernetes group \'g\' has nonResourceUrls with apiGroups or resourceNames', 'remove apiGroups and resourceNames from the non-resource rule'));
  });

  test('a bad namespace or object name', () => {
    expect(() => setup().cluster.addKubernetesGroup('X', { group: 'g', namespace: 'My_App', clusterRole: 'view' })).toThrow(error(PATH,
      'namespace \'My_App\' is not a valid Kubernetes namespace name: it contains "M", "_", "A" (a DNS-1123 label has only lower case letters, digits and \'-\')',
      'use a DNS-1123 label such as \'my-app\''));
    expect(() => setup().cluster.addKubernetesGroup('X', { group: 'team/a', rules: [{ resources: ['pods'], verbs: ['get'] }] })).toThrow(error(PATH,
      'name \'team/a\' contains "/", which an RBAC object name cannot hold', 'use a name such as \'pod-readers\''));
    expect(() => setup().cluster.addKubernetesGroup('X', { group: 'g', clusterRole: '..' })).toThrow(error(PATH,
      'clusterRole \'..\' is not a valid RBAC object name (it must not be \'.\' or \'..\')', 'use a name such as \'pod-readers\''));
  });

  test('the same object twice', () => {
    const { cluster } = setup();
    cluster.addKubernetesGroup('First', { group: 'g', namespace: 'app', rules: [{ resources: ['pods'], verbs: ['get'] }] });
    expect(() => cluster.addKubernetesGroup('X', { group: 'g', namespace: 'app', rules: [{ resources: ['secrets'], verbs: ['get'] }] })).toThrow(error(PATH,
      'the cluster\'s chart already has a Role named \'g\' in namespace app',
      'give this group a different name (the name option), or add the rules to the existing group'));
  });
});
