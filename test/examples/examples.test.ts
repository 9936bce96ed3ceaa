import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { parseAllDocuments } from 'yaml';
import * as autoModeCluster from '../../examples/auto-mode-cluster';
import * as awsAuthMigration from '../../examples/aws-auth-migration';
import * as clusterAccess from '../../examples/cluster-access';
import * as controllers from '../../examples/controllers';
import * as crossAccountPodIdentity from '../../examples/cross-account-pod-identity';
import * as identityChecks from '../../examples/identity-checks';
import * as importExistingCluster from '../../examples/import-existing-cluster';
import * as irsaServiceAccount from '../../examples/irsa-service-account';
import * as irsaToPodIdentity from '../../examples/irsa-to-pod-identity';
import * as podIdentity from '../../examples/pod-identity';
import * as wrapEksV2Cluster from '../../examples/wrap-eks-v2-cluster';
import {
  AccessEntryType, AwsAuthMigration, EksIdentityChecks, IdentityMode, WorkloadIdentity,
} from '../../src';
import { expectedIrsaStatement, expectedPodIdentityStatement, expectedTrust } from '../support/expected-trust';
import { irsaRequest, isAllowed, podIdentityRequest, toPolicyDocument } from '../support/iam-evaluator';
import { deployedValues, DeployedValues } from '../support/intrinsics';
import { objectKey, validateKubernetesObject } from '../support/kubernetes-output';

/*
 * Every example under examples/ synthesized the way a reader's app would synthesize it, with
 * assertions on what the example claims to show.
 */

const ACCOUNT = '111122223333';
const DATA_ACCOUNT = '444455556666';
const REGION = 'ap-northeast-2';

type Build = (app: App) => Stack | Stack[];

/** One synthesized example. */
class Synthesized {
  public readonly stacks: Stack[];
  public readonly assembly: CloudAssembly;

  constructor(public readonly app: App, build: Build) {
    this.stacks = [build(app)].flat();
    this.assembly = app.synth();
  }

  /** The stack of the example (the first one when it has several). */
  public get stack(): Stack {
    return this.stacks[0];
  }

  public template(stackName = this.stack.stackName): any {
    return this.assembly.getStackByName(stackName).template;
  }

  /** `[logicalId, resource]` of every resource of a type. */
  public resources(type: string, stackName = this.stack.stackName): Array<[string, any]> {
    return Object.entries<any>(this.template(stackName).Resources).filter(([, r]) => r.Type === type);
  }

  /** The one resource of a type whose logical id starts with `prefix`. */
  public resource(type: string, prefix: string, stackName = this.stack.stackName): [string, any] {
    const found = this.resources(type, stackName).filter(([id]) => id.startsWith(prefix));
    expect(found.map(([id]) => id)).toHaveLength(1);
    return found[0];
  }

  /** The parsed objects of `<stack>.<cluster>.k8s.yaml`. */
  public kubernetesObjects(fileName: string): any[] {
    const text = fs.readFileSync(path.join(this.assembly.directory, fileName), 'utf8');
    return parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o !== null);
  }

  /** Every `*.k8s.yaml` file of the assembly. */
  public kubernetesFiles(): string[] {
    return fs.readdirSync(this.assembly.directory).filter((f) => f.endsWith('.k8s.yaml')).sort();
  }

  /** The library's identities in the example, by construct path. */
  public identities(): { [path: string]: WorkloadIdentity } {
    const out: { [path: string]: WorkloadIdentity } = {};
    for (const stack of this.stacks) {
      for (const c of stack.node.findAll()) if (c instanceof WorkloadIdentity) out[c.node.path] = c;
    }
    return out;
  }

  public values(stackName = this.stack.stackName, account = ACCOUNT): DeployedValues {
    return deployedValues(this.template(stackName), { account, region: REGION });
  }
}

function synthesize(build: Build, context: { [key: string]: string } = {}): Synthesized {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));
  return new Synthesized(new App({ outdir, context }), build);
}

/** Each example is synthesized once, on first use. */
const cache = new Map<Build, Synthesized>();
function example(build: Build): Synthesized {
  if (!cache.has(build)) cache.set(build, synthesize(build));
  return cache.get(build)!;
}

const EXAMPLES: Array<[string, Build]> = [
  ['irsa-service-account', irsaServiceAccount.build],
  ['pod-identity', podIdentity.build],
  ['auto-mode-cluster', autoModeCluster.build],
  ['import-existing-cluster', importExistingCluster.build],
  ['wrap-eks-v2-cluster', wrapEksV2Cluster.build],
  ['cluster-access', clusterAccess.build],
  ['aws-auth-migration', awsAuthMigration.build],
  ['controllers', controllers.build],
  ['cross-account-pod-identity', crossAccountPodIdentity.build],
  ['irsa-to-pod-identity', irsaToPodIdentity.build],
  ['identity-checks', identityChecks.build],
];

/** Examples that are whole programs, synthesized by their own test (readme-tour.test.ts). */
const PROGRAMS = ['readme-tour'];

test('every example file is listed here', () => {
  const files = fs.readdirSync(path.join(__dirname, '../../examples')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''))
    .filter((f) => !PROGRAMS.includes(f)).sort();
  expect(EXAMPLES.map(([name]) => name).sort()).toEqual(files);
});

describe.each(EXAMPLES)('%s', (_name, build) => {
  test('concrete environment, no Lambda, no custom resource, no nested stack', () => {
    const synthesized = example(build);
    for (const stack of synthesized.stacks) {
      expect(stack.account).toMatch(/^\d{12}$/);
      expect(stack.region).toBe(REGION);
      const types = Object.values<any>(synthesized.template(stack.stackName).Resources).map((r) => r.Type as string);
      expect(types.filter((t) => t === 'AWS::Lambda::Function' || t.startsWith('Custom::')
        || t === 'AWS::CloudFormation::CustomResource' || t === 'AWS::CloudFormation::Stack')).toEqual([]);
    }
  });

  test('its Kubernetes objects are valid against the Kubernetes schemas', () => {
    const synthesized = example(build);
    for (const file of synthesized.kubernetesFiles()) {
      for (const object of synthesized.kubernetesObjects(file)) expect(() => validateKubernetesObject(object)).not.toThrow();
    }
  });
});

describe('irsa-service-account', () => {
  const ex = () => example(irsaServiceAccount.build);

  test('the role trusts exactly reports/report-reader with audience sts.amazonaws.com, as one Fn::Sub string', async () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterReportReaderRole');
    const trust = role.Properties.AssumeRolePolicyDocument;
    expect(Object.keys(trust)).toEqual(['Fn::Sub']);
    const values = ex().values();
    const [providerId] = ex().resources('AWS::IAM::OIDCProvider')[0];
    const [clusterId] = ex().resources('AWS::EKS::Cluster')[0];
    const issuer = values.attributes[`${clusterId}.OpenIdConnectIssuerUrl`].replace('https://', '');
    const providerArn = values.refs[providerId];
    expect(toPolicyDocument(trust, values)).toEqual(expectedTrust([
      expectedIrsaStatement(providerArn, issuer, 'system:serviceaccount:reports:report-reader'),
    ]));
    const request = (namespace: string, serviceAccount: string) => ({
      ...irsaRequest({ issuer, providerArn, namespace, serviceAccount }),
      roleArn: `arn:aws:iam::${ACCOUNT}:role/${role.Properties.RoleName}`,
    });
    expect(await isAllowed(trust, request('reports', 'report-reader'), values)).toBe(true);
    expect(await isAllowed(trust, request('reports', 'report-writer'), values)).toBe(false);
    expect(await isAllowed(trust, request('default', 'report-reader'), values)).toBe(false);
  });

  test('bucket.grantRead(identity) lands inline in the role; no association', () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterReportReaderRole');
    const [bucketId] = ex().resource('AWS::S3::Bucket', 'Reports');
    const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({
      Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
      Resource: [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }],
    }));
    expect(ex().resources('AWS::IAM::Policy')).toEqual([]);
    expect(ex().resources('AWS::EKS::PodIdentityAssociation')).toEqual([]);
  });

  test('the YAML has the namespace and the service account annotated with the role ARN', () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterReportReaderRole');
    expect(ex().kubernetesFiles()).toEqual(['IrsaServiceAccount.Cluster.k8s.yaml']);
    const objects = ex().kubernetesObjects('IrsaServiceAccount.Cluster.k8s.yaml');
    expect(objects.map(objectKey)).toEqual(['Namespace reports', 'ServiceAccount reports/report-reader']);
    expect(objects[1].metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/${role.Properties.RoleName}` });
  });
});

describe('pod-identity', () => {
  const ex = () => example(podIdentity.build);

  test('the role orders-api trusts pods.eks.amazonaws.com for this cluster, orders/orders-api only', async () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterOrdersApiRole');
    expect(role.Properties.RoleName).toBe('orders-api');
    const values = ex().values();
    const [clusterId] = ex().resources('AWS::EKS::Cluster')[0];
    const clusterArn = values.attributes[`${clusterId}.Arn`];
    expect(clusterArn).toBe(`arn:aws:eks:${REGION}:${ACCOUNT}:cluster/myeks`);
    const trust = role.Properties.AssumeRolePolicyDocument;
    expect(toPolicyDocument(trust, values)).toEqual(expectedTrust([
      expectedPodIdentityStatement({ clusterArn, namespace: 'orders', serviceAccount: 'orders-api' }),
    ]));
    const request = (tags: { clusterArn: string; namespace: string; serviceAccount: string }) => ({
      ...podIdentityRequest(tags), roleArn: `arn:aws:iam::${ACCOUNT}:role/orders-api`,
    });
    expect(await isAllowed(trust, request({ clusterArn, namespace: 'orders', serviceAccount: 'orders-api' }), values)).toBe(true);
    expect(await isAllowed(trust, request({ clusterArn, namespace: 'default', serviceAccount: 'orders-api' }), values)).toBe(false);
    expect(await isAllowed(trust, request({ clusterArn: `${clusterArn}-2`, namespace: 'orders', serviceAccount: 'orders-api' }), values)).toBe(false);
  });

  test('managed policy attached, queue grant inline', () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterOrdersApiRole');
    expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toContain(':iam::aws:policy/AmazonDynamoDBReadOnlyAccess');
    expect(role.Properties.ManagedPolicyArns).toHaveLength(1);
    const [queueId] = ex().resource('AWS::SQS::Queue', 'OrderEvents');
    const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({
      Action: expect.arrayContaining(['sqs:SendMessage']),
      Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
    }));
  });

  test('the association depends on the agent addon; the service account has no annotation', () => {
    const [addonId, addon] = ex().resources('AWS::EKS::Addon')[0];
    expect(addon.Properties.AddonName).toBe('eks-pod-identity-agent');
    const [roleId] = ex().resource('AWS::IAM::Role', 'ClusterOrdersApiRole');
    const [, association] = ex().resource('AWS::EKS::PodIdentityAssociation', 'ClusterOrdersApi');
    expect(association.Properties).toMatchObject({ Namespace: 'orders', ServiceAccount: 'orders-api', RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } });
    expect(association.DependsOn).toContain(addonId);
    const objects = ex().kubernetesObjects('PodIdentity.Cluster.k8s.yaml');
    expect(objects.map(objectKey)).toEqual(['Namespace orders', 'ServiceAccount orders/orders-api']);
    expect(objects[1].metadata.annotations).toBeUndefined();
  });
});

describe('auto-mode-cluster', () => {
  const ex = () => example(autoModeCluster.build);

  test('Auto Mode cluster without the agent addon', () => {
    const [, cluster] = ex().resources('AWS::EKS::Cluster')[0];
    expect(cluster.Properties.ComputeConfig.Enabled).toBe(true);
    expect(ex().resources('AWS::EKS::Addon')).toEqual([]);
    const [, association] = ex().resource('AWS::EKS::PodIdentityAssociation', 'ClusterWorker');
    expect(association.DependsOn).toBeUndefined();
  });

  test('AUTO picks pod identity for the worker and IRSA for ExternalDNS v0.14.0, with the reasons in the comments', () => {
    const identities = ex().identities();
    expect(Object.keys(identities)).toEqual(['AutoModeCluster/Cluster/Worker', 'AutoModeCluster/Cluster/ExternalDns']);
    const worker = identities['AutoModeCluster/Cluster/Worker'];
    expect([worker.mode, worker.modeReason]).toEqual([IdentityMode.POD_IDENTITY, 'AUTO chose pod identity: the cluster and the workload support it']);
    const externalDns = identities['AutoModeCluster/Cluster/ExternalDns'];
    expect([externalDns.mode, externalDns.modeReason]).toEqual([IdentityMode.IRSA,
      'AUTO chose IRSA: ExternalDNS v0.14.0 does not support EKS Pod Identity (it needs v0.14.1 or later)']);
    const source = fs.readFileSync(path.join(__dirname, '../../examples/auto-mode-cluster.ts'), 'utf8');
    expect(source).toContain(`'${worker.modeReason}'`);
    expect(source).toContain(`'${externalDns.modeReason}'`);
  });

  test('only ExternalDNS is annotated in the YAML', () => {
    const objects = ex().kubernetesObjects('AutoModeCluster.Cluster.k8s.yaml');
    expect(objects.map(objectKey)).toEqual(['Namespace jobs', 'ServiceAccount jobs/worker', 'Namespace external-dns', 'ServiceAccount external-dns/external-dns']);
    expect(objects[1].metadata.annotations).toBeUndefined();
    expect(objects[3].metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:role/AutoModeCluster-ExternalDns-`));
  });
});

describe('import-existing-cluster', () => {
  const ex = () => example(importExistingCluster.build);
  const ISSUER = 'oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';

  test('the stack holds only the team\'s roles, association and table', () => {
    const types = Object.values<any>(ex().template().Resources).map((r) => r.Type).sort();
    expect(types).toEqual(['AWS::DynamoDB::Table', 'AWS::EKS::PodIdentityAssociation', 'AWS::IAM::Role', 'AWS::IAM::Role']);
  });

  test('the IRSA trust of the Fargate job is a plain object with the literal issuer', () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'SharedClusterOrdersExporterRole');
    expect(role.Properties.AssumeRolePolicyDocument).toEqual(expectedTrust([
      expectedIrsaStatement(`arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`, ISSUER, 'system:serviceaccount:orders:orders-exporter'),
    ]));
  });

  test('the API uses pod identity, scoped to the imported cluster by name', () => {
    const [, association] = ex().resource('AWS::EKS::PodIdentityAssociation', 'SharedClusterOrdersApi');
    expect(association.Properties).toMatchObject({ ClusterName: 'shared-eks', Namespace: 'orders', ServiceAccount: 'orders-api' });
    const [, role] = ex().resource('AWS::IAM::Role', 'SharedClusterOrdersApiRole');
    expect(toPolicyDocument(role.Properties.AssumeRolePolicyDocument, ex().values())).toEqual(expectedTrust([expectedPodIdentityStatement({
      clusterArn: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/shared-eks`, namespace: 'orders', serviceAccount: 'orders-api',
    })]));
  });

  test('the YAML is named after the imported cluster\'s construct', () => {
    expect(ex().kubernetesFiles()).toEqual(['OrdersTeam.SharedCluster.k8s.yaml']);
    const objects = ex().kubernetesObjects('OrdersTeam.SharedCluster.k8s.yaml');
    expect(objects.map(objectKey)).toEqual(['Namespace orders', 'ServiceAccount orders/orders-api', 'ServiceAccount orders/orders-exporter']);
    expect(objects[2].metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:role/`));
  });
});

describe('wrap-eks-v2-cluster', () => {
  const ex = () => example(wrapEksV2Cluster.build);

  test('one native OIDC provider, trusted by the IRSA role', () => {
    const providers = ex().resources('AWS::IAM::OIDCProvider');
    expect(providers).toHaveLength(1);
    const [providerId, provider] = providers[0];
    expect(provider.Properties.ClientIdList).toEqual(['sts.amazonaws.com']);
    expect(provider.Properties.ThumbprintList).toBeUndefined();
    const [, role] = ex().resource('AWS::IAM::Role', 'IdentityLogShipperRole');
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain(JSON.stringify({ Ref: providerId }));
  });

  test('one agent addon, which the pod identity association depends on', () => {
    const addons = ex().resources('AWS::EKS::Addon');
    expect(addons.map(([, a]) => a.Properties.AddonName)).toEqual(['eks-pod-identity-agent']);
    const [, association] = ex().resource('AWS::EKS::PodIdentityAssociation', 'IdentityMetrics');
    expect(association.DependsOn).toContain(addons[0][0]);
  });

  test('the admin access entry and the YAML of the wrapped cluster', () => {
    const entries = ex().resources('AWS::EKS::AccessEntry');
    expect(entries.map(([, e]) => [e.Properties.PrincipalArn, e.Properties.AccessPolicies.map((p: any) => p.PolicyArn)])).toEqual([
      [`arn:aws:iam::${ACCOUNT}:role/Admin`, ['arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy']],
    ]);
    expect(ex().kubernetesFiles()).toEqual(['WrapEksV2Cluster.Identity.k8s.yaml']);
    expect(ex().kubernetesObjects('WrapEksV2Cluster.Identity.k8s.yaml').map(objectKey))
      .toEqual(['Namespace logging', 'ServiceAccount logging/log-shipper', 'Namespace monitoring', 'ServiceAccount monitoring/metrics']);
  });
});

/** Access entries as `principal → { type, groups, username, policies: ['Name scope[:namespaces]'] }`. */
function accessEntries(synthesized: Synthesized): { [principal: string]: any } {
  const out: { [principal: string]: any } = {};
  for (const [, entry] of synthesized.resources('AWS::EKS::AccessEntry')) {
    const p = entry.Properties;
    out[p.PrincipalArn] = {
      type: p.Type ?? 'STANDARD',
      groups: p.KubernetesGroups ?? [],
      username: p.Username,
      policies: (p.AccessPolicies ?? []).map((a: any) => `${a.PolicyArn.split('/')[1]} ${a.AccessScope.Type}`
        + (a.AccessScope.Namespaces ? `:${a.AccessScope.Namespaces.join(',')}` : '')),
    };
  }
  return out;
}

describe('cluster-access', () => {
  const ex = () => example(clusterAccess.build);

  test('one access entry per principal with the intended policies, scopes, groups and username', () => {
    const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
    const standard = { type: 'STANDARD', groups: [], username: undefined };
    expect(accessEntries(ex())).toEqual({
      [role('PlatformAdmin')]: { ...standard, policies: ['AmazonEKSClusterAdminPolicy cluster'] },
      [role('BreakGlass')]: { ...standard, policies: ['AmazonEKSClusterAdminPolicy cluster'] },
      [role('Auditor')]: { ...standard, policies: ['AmazonEKSViewPolicy cluster'] },
      [role('PaymentsDeveloper')]: { ...standard, policies: ['AmazonEKSEditPolicy namespace:payments'] },
      [role('OnCall')]: { type: 'STANDARD', groups: ['pod-readers'], username: 'oncall:{{SessionName}}', policies: ['AmazonEKSSecretReaderPolicy namespace:payments'] },
    });
    const [, cluster] = ex().resources('AWS::EKS::Cluster')[0];
    expect(cluster.Properties.AccessConfig.AuthenticationMode).toBe('API');
  });

  test('the group\'s Role and RoleBinding in payments', () => {
    const objects = ex().kubernetesObjects('ClusterAccess.Cluster.k8s.yaml');
    expect(objects.map(objectKey)).toEqual(['Namespace payments', 'Role payments/pod-readers', 'RoleBinding payments/pod-readers']);
    expect(objects[1].rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
    ]);
    expect(objects[2].roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-readers' });
    expect(objects[2].subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'pod-readers' }]);
  });
});

describe('aws-auth-migration', () => {
  const ex = () => example(awsAuthMigration.build);

  test('the plan has the node role and one unmappable item; the example names the node role as a managed node group role and acknowledges the item', () => {
    const plan = AwsAuthMigration.plan(awsAuthMigration.AWS_AUTH_CONFIG_MAP);
    expect(plan.mappingCount).toBe(5);
    expect(plan.entries.map((e) => [e.source, e.type])).toEqual([
      ['mapRoles[0]', AccessEntryType.EC2_LINUX], ['mapRoles[1]', AccessEntryType.STANDARD], ['mapRoles[2]', AccessEntryType.STANDARD],
      ['mapUsers[0]', AccessEntryType.STANDARD],
    ]);
    expect(plan.unmappable.map((f) => [f.source, f.item])).toEqual([['mapAccounts[0]', DATA_ACCOUNT]]);
  });

  test('the stack holds only access entries: the migrated mappings and the replacement for mapAccounts', () => {
    expect(Object.values<any>(ex().template().Resources).map((r) => r.Type)).toEqual(Array(4).fill('AWS::EKS::AccessEntry'));
    expect(accessEntries(ex())).toEqual({
      [`arn:aws:iam::${ACCOUNT}:role/PlatformAdmin`]: { type: 'STANDARD', groups: [], username: 'platform-admin', policies: ['AmazonEKSClusterAdminPolicy cluster'] },
      [`arn:aws:iam::${ACCOUNT}:role/Developers`]: { type: 'STANDARD', groups: ['developers'], username: 'developer:{{SessionName}}', policies: [] },
      [`arn:aws:iam::${ACCOUNT}:user/ci-deployer`]: { type: 'STANDARD', groups: ['deployers'], username: 'ci-deployer', policies: [] },
      [`arn:aws:iam::${DATA_ACCOUNT}:role/Deployer`]: { type: 'STANDARD', groups: ['deployers'], username: undefined, policies: [] },
    });
    for (const [, entry] of ex().resources('AWS::EKS::AccessEntry')) expect(entry.Properties.ClusterName).toBe('legacy-eks');
  });

  test('synth says what to do next', () => {
    const messages = ex().assembly.getStackByName('AwsAuthMigration').messages;
    expect(messages.filter((m) => m.level === 'info').map((m) => [m.id, m.entry.data])).toEqual([[
      '/AwsAuthMigration/AwsAuth',
      'The aws-auth mappings are now access entries. Check access with the cluster in API_AND_CONFIG_MAP, then switch it to API (one-way) and delete the aws-auth ConfigMap.',
    ]]);
  });
});

describe('controllers', () => {
  const ex = () => example(controllers.build);
  const statementsOf = (role: any) => role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);

  test('the load balancer controller may only create load balancers tagged for myeks', () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterLoadBalancerControllerRole');
    const create = statementsOf(role).find((s: any) => s.Sid === 'CreateLoadBalancersAndTargetGroups');
    expect(create.Condition).toEqual({ StringEquals: { 'aws:RequestTag/elbv2.k8s.aws/cluster': 'myeks' } });
    expect(create.Resource).toContain(`arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/*/*`);
  });

  test('ExternalDNS may change records in the example\'s zone only', () => {
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterExternalDnsRole');
    const [zoneId] = ex().resources('AWS::Route53::HostedZone')[0];
    const change = statementsOf(role).find((s: any) => s.Sid === 'ChangeRecordsInZones');
    expect(change.Action).toBe('route53:ChangeResourceRecordSets');
    expect(change.Resource).toEqual({ 'Fn::Join': ['', ['arn:aws:route53:::hostedzone/', { Ref: zoneId }]] });
  });

  test('two associations for the Helm-installed controllers; the EBS CSI add-on owns its own', () => {
    expect(ex().resources('AWS::EKS::PodIdentityAssociation').map(([, a]) => `${a.Properties.Namespace}/${a.Properties.ServiceAccount}`))
      .toEqual(['kube-system/aws-load-balancer-controller', 'external-dns/external-dns']);
    const [agentId] = ex().resources('AWS::EKS::Addon').find(([, a]) => a.Properties.AddonName === 'eks-pod-identity-agent')!;
    const [, ebs] = ex().resources('AWS::EKS::Addon').find(([, a]) => a.Properties.AddonName === 'aws-ebs-csi-driver')!;
    const [ebsRoleId, ebsRole] = ex().resource('AWS::IAM::Role', 'EbsCsiDriverIdentityRole');
    expect(ebs.Properties.PodIdentityAssociations).toEqual([{ ServiceAccount: 'ebs-csi-controller-sa', RoleArn: { 'Fn::GetAtt': [ebsRoleId, 'Arn'] } }]);
    expect(ebs.Properties.ServiceAccountRoleArn).toBeUndefined();
    expect(ebs.Properties.ResolveConflicts).toBe('OVERWRITE');
    expect(ebs.DependsOn).toContain(agentId);
    expect(JSON.stringify(ebsRole.Properties.ManagedPolicyArns)).toContain(':iam::aws:policy/AmazonEBSCSIDriverPolicyV2"');
  });

  test('service accounts for the Helm-installed controllers only', () => {
    expect(ex().kubernetesObjects('Controllers.Cluster.k8s.yaml').map(objectKey)).toEqual([
      'ServiceAccount kube-system/aws-load-balancer-controller', 'Namespace external-dns', 'ServiceAccount external-dns/external-dns',
    ]);
  });
});

describe('cross-account-pod-identity', () => {
  const ex = () => example(crossAccountPodIdentity.build);

  test('the data account\'s stack holds the bucket and the target role, deployed before the platform', () => {
    expect(ex().stacks.map((s) => [s.stackName, s.account])).toEqual([['Platform', ACCOUNT], ['Data', DATA_ACCOUNT]]);
    expect(Object.values<any>(ex().template('Data').Resources).map((r) => r.Type).sort()).toEqual(['AWS::IAM::Role', 'AWS::S3::Bucket']);
    expect(ex().assembly.getStackByName('Platform').dependencies.map((d) => d.id)).toContain('Data');
  });

  test('the target role admits only the association role, for this cluster and service account', () => {
    const [, target] = ex().resource('AWS::IAM::Role', 'AnalyticsTargetRole', 'Data');
    expect(target.Properties.RoleName).toBe('myeks-analytics-lake-reader');
    expect(target.Properties.AssumeRolePolicyDocument).toEqual(expectedTrust([{
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: {
        ArnEquals: { 'aws:PrincipalARN': `arn:aws:iam::${ACCOUNT}:role/myeks-analytics` },
        StringEquals: {
          'aws:RequestTag/eks-cluster-arn': `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/myeks`,
          'aws:RequestTag/kubernetes-namespace': 'analytics',
          'aws:RequestTag/kubernetes-service-account': 'analytics',
        },
      },
    }]));
    const [bucketId] = ex().resource('AWS::S3::Bucket', 'Lake', 'Data');
    expect(JSON.stringify(target.Properties.Policies)).toContain(JSON.stringify({ 'Fn::GetAtt': [bucketId, 'Arn'] }));
  });

  test('the association chains into the target role, which its role may assume', () => {
    const targetArn = `arn:aws:iam::${DATA_ACCOUNT}:role/myeks-analytics-lake-reader`;
    const [, association] = ex().resource('AWS::EKS::PodIdentityAssociation', 'ClusterAnalytics');
    expect(association.Properties).toMatchObject({ Namespace: 'analytics', ServiceAccount: 'analytics', TargetRoleArn: targetArn });
    const [, role] = ex().resource('AWS::IAM::Role', 'ClusterAnalyticsRole');
    expect(role.Properties.RoleName).toBe('myeks-analytics');
    expect(role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement))
      .toContainEqual({ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: targetArn });
  });
});

describe('irsa-to-pod-identity', () => {
  const STEPS = ['1', '2', '3'];
  const steps = new Map<string, Synthesized>();
  const step = (n: string) => {
    if (!steps.has(n)) steps.set(n, n === '1' ? example(irsaToPodIdentity.build) : synthesize(irsaToPodIdentity.build, { migrationStep: n }));
    return steps.get(n)!;
  };
  const role = (n: string) => step(n).resource('AWS::IAM::Role', 'ClusterLedgerRole');
  const trustText = (n: string) => JSON.stringify(role(n)[1].Properties.AssumeRolePolicyDocument);
  const serviceAccount = (n: string) => step(n).kubernetesObjects('IrsaToPodIdentity.Cluster.k8s.yaml').find((o) => o.kind === 'ServiceAccount');

  test('without the context value it is step 1', () => {
    expect(step('1').app.node.tryGetContext('migrationStep')).toBeUndefined();
    expect(Object.values(step('1').identities()).map((i) => i.mode)).toEqual([IdentityMode.IRSA]);
  });

  test('the role is the same resource with the same name and permissions in every step', () => {
    const [id, first] = role('1');
    for (const n of STEPS) {
      expect(role(n)[0]).toBe(id);
      expect(role(n)[1].Properties.RoleName).toBe(first.Properties.RoleName);
      expect(role(n)[1].Properties.Policies).toEqual(first.Properties.Policies);
    }
  });

  test.each([
    ['1', { oidcTrust: true, podIdentityTrust: false, annotation: true, association: false }],
    ['2', { oidcTrust: true, podIdentityTrust: true, annotation: true, association: true }],
    ['3', { oidcTrust: false, podIdentityTrust: true, annotation: false, association: true }],
  ])('step %s', (n, expected) => {
    expect({
      oidcTrust: trustText(n).includes('sts:AssumeRoleWithWebIdentity') && trustText(n).includes('system:serviceaccount:payments:ledger'),
      podIdentityTrust: trustText(n).includes('pods.eks.amazonaws.com'),
      annotation: serviceAccount(n).metadata.annotations?.['eks.amazonaws.com/role-arn'] === `arn:aws:iam::${ACCOUNT}:role/${role(n)[1].Properties.RoleName}`,
      association: step(n).resources('AWS::EKS::PodIdentityAssociation').length === 1,
    }).toEqual(expected);
  });

  test('only step 2 has the dual identity EKSID-SA-002 warns about', () => {
    expect(STEPS.map((n) => new EksIdentityChecks().checkAssembly(step(n).assembly.directory).map((f) => f.ruleId)))
      .toEqual([[], ['EKSID-SA-002'], []]);
  });

  test('an unknown step fails with what to set', () => {
    expect(() => synthesize(irsaToPodIdentity.build, { migrationStep: '4' })).toThrow('migrationStep must be 1, 2 or 3, got \'4\'');
  });
});

describe('identity-checks', () => {
  const ex = () => example(identityChecks.build);
  const pluginReport = (synthesized: Synthesized) => {
    const report = JSON.parse(fs.readFileSync(path.join(synthesized.assembly.directory, 'validation-report.json'), 'utf8'));
    return report.pluginReports.find((r: any) => r.pluginName === 'cdk-eks-identity');
  };

  test('without its suppression and acknowledgement, the pack would report two warnings', () => {
    const findings = new EksIdentityChecks().checkAssembly(ex().assembly.directory);
    const [jobsRoleId] = ex().resource('AWS::IAM::Role', 'ClusterBatchJobsRole');
    const [ledgerAssociationId] = ex().resource('AWS::EKS::PodIdentityAssociation', 'ClusterLedger');
    expect(findings.map((f) => [f.ruleId, f.level, f.logicalId])).toEqual([
      ['EKSID-IRSA-004', 'warning', jobsRoleId],
      ['EKSID-SA-002', 'warning', ledgerAssociationId],
    ]);
    expect(findings[1].message).toMatch(/^ServiceAccount payments\/ledger .* has both an eks.amazonaws.com\/role-arn annotation and pod identity association/);
  });

  test('the validation report: success, the suppression with its reason, the acknowledged finding with its reason', () => {
    const report = pluginReport(ex());
    expect(report.conclusion).toBe('success');
    expect(report.violations).toEqual([]);
    expect(report.metadata).toEqual({
      'EKSID-SA-002': 'payments/ledger is in step 2 of its IRSA to pod identity migration; the annotation goes in step 3',
    });
    expect(report.suppressedViolations.map((v: any) => [v.ruleName, v.acknowledgedAt, v.reason])).toEqual([[
      'EKSID-IRSA-004', 'IdentityChecks/Cluster/BatchJobs',
      'the job operator creates one service account per job; only it may create service accounts in namespace batch',
    ]]);
  });

  test('the library\'s own wildcard warning is acknowledged too', () => {
    const messages = ex().assembly.getStackByName('IdentityChecks').messages;
    expect(messages.filter((m) => m.level === 'warning' && JSON.stringify(m.entry.data).includes('wildcard'))).toEqual([]);
  });

  test('the plugin is active: an unscoped IRSA trust added to the example fails the synth', () => {
    const build = (app: App) => {
      const stack = identityChecks.build(app);
      const providerArn = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`;
      new iam.Role(stack, 'Everyone', {
        assumedBy: new iam.FederatedPrincipal(providerArn, {
          StringLike: { [`oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF:sub`]: 'system:serviceaccount:*:*' },
        }, 'sts:AssumeRoleWithWebIdentity'),
      });
      return stack;
    };
    expect(() => synthesize(build)).toThrow(/EKSID-IRSA-003/);
  });
});
