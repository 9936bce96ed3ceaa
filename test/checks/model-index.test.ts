import { ACCOUNT, association, goodResources, serviceAccount } from './fixtures';
import { scaleInputs } from './scale-inputs';
import { CheckInput, EksIdentityChecks } from '../../src/checks';
import { AssociationModel, CheckModel, ServiceAccountModel } from '../../src/checks/template-model';
import * as policyDocuments from '../../src/core/template/policy-document';
import * as trustSemantics from '../../src/core/trust/trust-semantics';
import { IdentityReport } from '../../src/report';
import { buildIdentityReport } from '../../src/report/identity-graph';
import { countElementReads } from '../support/model-reads';

/*
 * The template model answers its lookups from indexes built once. These tests hold the indexes to
 * what a scan of the model's lists answers, and guard that checking and reporting stay linear in
 * the assembly without timing anything: they count how often the trust parser runs and how many
 * elements of the model's lists the readers touch.
 */

/** Stacks where names collide: the same service accounts on two clusters, in two namespaces, in a stack without a cluster, and add-on associations. */
function collidingInputs(): CheckInput[] {
  const sa = (namespace: string, name: string, roleArn?: string) => serviceAccount(namespace, name, roleArn);
  const otherCluster = {
    Other: { Type: 'AWS::EKS::Cluster', Properties: { Name: 'other', AccessConfig: { AuthenticationMode: 'API' } } },
    OtherRole: goodResources().WorkerRole,
    OtherWorker: association('apps', 'worker', 'OtherRole', { ClusterName: { Ref: 'Other' } }),
    OtherWeb: association('apps', 'web', 'OtherRole', { ClusterName: { Ref: 'Other' } }),
    OtherEntry: { Type: 'AWS::EKS::AccessEntry', Properties: { ClusterName: { Ref: 'Other' }, PrincipalArn: `arn:aws:iam::${ACCOUNT}:role/other-admin` } },
    OtherFargate: {
      Type: 'AWS::EKS::FargateProfile',
      Properties: { ClusterName: { Ref: 'Other' }, PodExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/fargate`, Selectors: [{ Namespace: 'apps' }] },
    },
    Csi: {
      Type: 'AWS::EKS::Addon',
      Properties: {
        AddonName: 'aws-ebs-csi-driver',
        ClusterName: { Ref: 'Other' },
        PodIdentityAssociations: [{ ServiceAccount: 'ebs-csi-controller-sa', RoleArn: { 'Fn::GetAtt': ['OtherRole', 'Arn'] } }],
      },
    },
  };
  const second = {
    ...goodResources(),
    WorkerAssociation: association('batch', 'worker', 'WorkerRole'),
    WorkerAgain: association('apps', 'worker', 'WorkerRole'),
  };
  return [
    { stackName: 'S', template: { Resources: goodResources() }, kubernetesManifests: [sa('apps', 'worker'), sa('apps', 'web', 'arn:aws:iam::123456789012:role/apps-web')] },
    { stackName: 'O', template: { Resources: otherCluster }, kubernetesManifests: [sa('apps', 'worker', 'arn:aws:iam::123456789012:role/x'), sa('apps', 'ebs-csi-controller-sa')] },
    { stackName: 'T', template: { Resources: second }, kubernetesManifests: [sa('batch', 'worker'), sa('apps', 'worker')] },
    // No cluster, and resources of two clusters made elsewhere: its objects belong to no known cluster.
    {
      stackName: 'Loose',
      template: {
        Resources: {
          LooseRole: goodResources().WorkerRole,
          LooseWorker: association('apps', 'worker', 'LooseRole', { ClusterName: 'elsewhere' }),
          LooseWeb: association('apps', 'web', 'LooseRole', { ClusterName: 'far' }),
        },
      },
      kubernetesManifests: [sa('apps', 'worker'), sa('apps', 'web', 'arn:aws:iam::123456789012:role/y'), sa('batch', 'worker')],
    },
    { stackName: 'Objects', template: { Resources: {} }, kubernetesManifests: [sa('apps', 'worker'), sa('apps', 'worker')] },
  ];
}

describe('the indexes answer what a scan of the lists answers', () => {
  const model = CheckModel.build([...collidingInputs(), ...scaleInputs({ identities: 40, stacks: 4, namespaces: 3 })]);
  const keys = [...new Set([...model.associations, ...model.accessEntries, ...model.addons, ...model.fargateProfiles].map((x) => x.clusterKey)), 'none'];
  const names = [...new Set(model.serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`)), 'apps/nobody'];

  test('the fixture has the collisions it is meant to have', () => {
    expect(keys.length).toBeGreaterThan(4);
    expect(model.serviceAccounts.filter((sa) => sa.clusterKey === undefined).length).toBeGreaterThan(0);
    expect(model.associations.filter((a) => a.namespace === undefined).length).toBe(1);
    expect(model.serviceAccountsNamed('apps', 'worker').length).toBeGreaterThan(3);
  });

  test('the association of each service account object: same namespace and name, on its cluster, else in its stack; the first one', () => {
    const scan = (sa: ServiceAccountModel): AssociationModel | undefined => model.associations.find((a) => a.namespace === sa.namespace
      && a.serviceAccount === sa.name
      && (sa.clusterKey === undefined ? a.stackName === sa.stackName : a.clusterKey === sa.clusterKey));
    for (const sa of model.serviceAccounts) expect(model.associationOf(sa)).toBe(scan(sa));
    expect(model.serviceAccounts.filter((sa) => model.associationOf(sa) !== undefined).length).toBeGreaterThan(10);
    // Objects of no known cluster find the associations of their own stack only.
    const loose = model.serviceAccounts.filter((sa) => sa.stackName === 'Loose');
    expect(loose.map((sa) => [sa.clusterKey, model.associationOf(sa)?.logicalId]))
      .toEqual([[undefined, 'LooseWorker'], [undefined, 'LooseWeb'], [undefined, undefined]]);
  });

  test('associations, access entries, addons and Fargate profiles by cluster key', () => {
    for (const key of keys) {
      expect(model.associationsOfCluster(key)).toEqual(model.associations.filter((a) => a.clusterKey === key));
      expect(model.accessEntriesOfCluster(key)).toEqual(model.accessEntries.filter((e) => e.clusterKey === key));
      expect(model.addonsOfCluster(key)).toEqual(model.addons.filter((a) => a.clusterKey === key));
      expect(model.fargateProfilesOfCluster(key)).toEqual(model.fargateProfiles.filter((p) => p.clusterKey === key));
    }
    const grouped = new Map<string, AssociationModel[]>();
    for (const a of model.associations) grouped.set(a.clusterKey, [...grouped.get(a.clusterKey) ?? [], a]);
    expect([...model.associationsByCluster()]).toEqual([...grouped]);
  });

  test('associations by cluster key and service account name (add-on associations included), service accounts by namespace and name', () => {
    for (const key of keys) {
      for (const name of [...new Set(model.associations.map((a) => a.serviceAccount)), 'nobody']) {
        expect(model.associationsForServiceAccount(key, name))
          .toEqual(model.associations.filter((a) => a.clusterKey === key && a.serviceAccount === name));
      }
    }
    for (const id of names) {
      const [namespace, name] = id.split('/');
      expect(model.serviceAccountsNamed(namespace, name))
        .toEqual(model.serviceAccounts.filter((sa) => sa.namespace === namespace && sa.name === name));
    }
  });

  test('the objects of a stack without a cluster of its own go to the one cluster its resources name', () => {
    const inputs = scaleInputs({ identities: 6, stacks: 3 });
    // The objects as a file without the cluster header: attributed by the stack's resources.
    const unnamed = inputs.map((i) => ({
      ...i, kubernetesManifests: i.clusterKubernetesManifests![0].manifests, clusterKubernetesManifests: undefined,
    }));
    const built = CheckModel.build(unnamed);
    const byStack = new Map(built.serviceAccounts.map((sa) => [sa.stackName, sa.clusterKey]));
    expect(byStack.get('Cluster')).toBe('bench');
    expect(byStack.get('Team1')).toBe('bench'); // its pod identity association names cluster bench
  });
});

describe('checking and reporting stay linear in the assembly', () => {
  afterEach(() => jest.restoreAllMocks());

  test('2,000 identities in 50 stacks: each role\'s trust is analysed at most once, each policy document parsed once', () => {
    const analyze = jest.spyOn(trustSemantics, 'analyzeTrust');
    const parse = jest.spyOn(policyDocuments, 'parsePolicyDocument');
    const inputs = scaleInputs({ identities: 2000, stacks: 50 });
    const report = IdentityReport.fromTemplates(inputs);
    const roles = 2000 + 1; // the identities' roles and the node role
    const documents = roles + 2000; // their trust policies and the identities' inline policies
    expect(report.clusters[0].serviceAccounts).toHaveLength(2000);
    expect(analyze.mock.calls.length).toBeGreaterThan(0);
    expect(analyze.mock.calls.length).toBeLessThanOrEqual(roles);
    expect(new Set(analyze.mock.calls.map(([document]) => document)).size).toBe(analyze.mock.calls.length);
    expect(parse).toHaveBeenCalledTimes(documents);
  });

  test('twice the identities, at most about twice the elements read by the rules and the report', () => {
    const reads = (identities: number) => {
      const inputs = scaleInputs({ identities, stacks: 50, namespaces: 7 });
      const model = CheckModel.build(inputs);
      const counter = countElementReads(model);
      const findings = new EksIdentityChecks()._runModel(model);
      buildIdentityReport(inputs, model, findings);
      return counter.reads;
    };
    const small = reads(1000);
    const large = reads(2000);
    expect(small).toBeGreaterThan(1000);
    // Linear: about 2×; one scan of a list inside a loop over another would make it about 4×.
    expect(large / small).toBeLessThan(2.2);
  });
});
