import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { mermaidEdges } from './mermaid-edges';
import { rawTokenLines } from './raw-tokens';
import {
  CheckInput, ClusterKubernetesObjects, ClusterReport, ControllerAddon, ControllerIdentity, IdentityMode, IdentityReport,
  PodIdentityTargetRole, ServiceAccountBinding, TrustScope,
} from '../../src';
import { importedCluster, ISSUER_A, newApp, newCluster, newStack, OTHER_ACCOUNT, REGION } from '../support/fixtures';

/** Templates and the Kubernetes objects each stack writes. */
function inputsOf(...stacks: Stack[]): CheckInput[] {
  return stacks.map((stack) => ({
    stackName: stack.stackName,
    template: Template.fromStack(stack).toJSON(),
    kubernetesManifests: stack.node.findAll()
      .filter((c): c is ClusterKubernetesObjects => c instanceof ClusterKubernetesObjects)
      .flatMap((o) => o.renderManifests()),
  }));
}

const podIdentityPrincipal = () => new iam.SessionTagsPrincipal(new iam.ServicePrincipal('pods.eks.amazonaws.com'));

const app = newApp();
const stack = newStack(app, 'Shapes');
const dataStack = newStack(app, 'Data', { env: { account: OTHER_ACCOUNT, region: REGION } });
const cluster = newCluster(stack);
cluster.addWorkloadIdentity('Jobs', { namespace: 'batch', serviceAccountName: 'job-*', mode: IdentityMode.IRSA, allowWildcardSubject: true, roleName: 'jobs' });
cluster.addWorkloadIdentity('Team', { namespace: 'team', serviceAccountName: '*', mode: IdentityMode.IRSA, allowWildcardSubject: true, roleName: 'team' });
cluster.addWorkloadIdentity('NoTags', { namespace: 'apps', serviceAccountName: 'notags', mode: IdentityMode.POD_IDENTITY, disableSessionTags: true, roleName: 'notags' });
const loose = new iam.Role(stack, 'Loose', { roleName: 'loose', assumedBy: podIdentityPrincipal() });
new eks.CfnPodIdentityAssociation(stack, 'LooseAssociation', { clusterName: cluster.clusterName, namespace: 'apps', serviceAccount: 'loose', roleArn: loose.roleArn });
const otherNamespace = new iam.Role(stack, 'OtherNs', {
  roleName: 'other-ns',
  assumedBy: podIdentityPrincipal().withConditions({ StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'other' } }),
});
new eks.CfnPodIdentityAssociation(stack, 'OtherAssociation', { clusterName: cluster.clusterName, namespace: 'apps', serviceAccount: 'misfit', roleArn: otherNamespace.roleArn });
new ControllerAddon(stack, 'EbsCsi', { cluster, controller: ControllerIdentity.ebsCsiDriver({ version: 'v1.45.0-eksbuild.2' }) });
const reader = cluster.addWorkloadIdentity('Reader', { namespace: 'apps', serviceAccountName: 'reader', mode: IdentityMode.POD_IDENTITY, roleName: 'reader' });
new s3.Bucket(stack, 'Bucket').grantRead(reader);
new iam.ManagedPolicy(stack, 'QueueReader', {
  managedPolicyName: 'queue-reader',
  statements: [new iam.PolicyStatement({ actions: ['sqs:ReceiveMessage'], resources: ['*'] })],
  roles: [reader.role],
});
const cross = cluster.addWorkloadIdentity('Cross', { namespace: 'apps', serviceAccountName: 'cross', mode: IdentityMode.POD_IDENTITY, roleName: 'cross-association' });
new s3.Bucket(dataStack, 'DataBucket').grantRead(new PodIdentityTargetRole(dataStack, 'CrossTarget', { identity: cross, roleName: 'cross-data' }));
cluster.addServiceAccount('Ext', { namespace: 'apps', name: 'ext', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/elsewhere' } });
cluster.addServiceAccount('Plain', { namespace: 'apps', name: 'plain' });
cluster.grantKubernetesGroups('Auditors', 'arn:aws:iam::123456789012:role/auditor', ['auditors']);

const irsaStack = newStack(app, 'Irsa');
const imported = importedCluster(irsaStack);
const federated = (conditions: any) => new iam.FederatedPrincipal(imported.openIdConnectProviderArn, conditions, 'sts:AssumeRoleWithWebIdentity');
new iam.Role(irsaStack, 'Any', {
  roleName: 'any-sa',
  assumedBy: federated({ StringLike: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:*:*' }, StringEquals: { [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } }),
});
new iam.Role(irsaStack, 'NoSub', { roleName: 'no-sub', assumedBy: federated({ StringEquals: { [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' } }) });
new iam.Role(irsaStack, 'NoAud', { roleName: 'no-aud', assumedBy: federated({ StringEquals: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:apps:web' } }) });
imported.addWorkloadIdentity('Pod', { namespace: 'apps', serviceAccountName: 'pod', mode: IdentityMode.POD_IDENTITY, roleName: 'imported-pod' });

const report = IdentityReport.fromTemplates(inputsOf(stack, dataStack, irsaStack));

function clusterNamed(name: string): ClusterReport {
  const found = report.clusters.find((c) => c.name === name);
  expect(found).toBeDefined();
  return found!;
}

function binding(c: ClusterReport, namespace: string, serviceAccount: string): ServiceAccountBinding {
  const found = c.serviceAccounts.filter((b) => b.namespace === namespace && b.serviceAccount === serviceAccount);
  expect(found).toHaveLength(1);
  return found[0];
}

const shapes = () => clusterNamed('myeks');
const issuerCluster = () => clusterNamed('imported');

test('clusters: the one in the templates, and the imported one by name for both its pod identity and its IRSA trusts (its issuer recorded in the template Metadata)', () => {
  expect(report.clusters.map((c) => [c.id, c.inTemplates])).toEqual([
    ['Shapes/Cluster9EE0221C', true],
    ['name:imported', false],
  ]);
  expect(binding(clusterNamed('imported'), 'apps', 'pod')).toMatchObject({ mode: IdentityMode.POD_IDENTITY, roleName: 'imported-pod', scope: TrustScope.SESSION_TAGS });
});

describe('IRSA trust scopes', () => {
  test('wildcard opt-in: name pattern and namespace wildcard, audience kept', () => {
    expect(binding(shapes(), 'batch', 'job-*')).toMatchObject({
      mode: IdentityMode.IRSA,
      roleName: 'jobs',
      scope: TrustScope.NAME_PATTERN,
      scopeDescription: 'name pattern (batch/job-*) + audience',
      subject: 'system:serviceaccount:batch:job-*',
      audienceRestricted: true,
      notes: ['matches no service account in the Kubernetes objects'],
    });
    expect(binding(shapes(), 'team', '*')).toMatchObject({
      scope: TrustScope.NAMESPACE_WILDCARD, scopeDescription: 'namespace wildcard (any service account in team) + audience',
    });
  });

  test('unscoped: system:serviceaccount:*:* and no :sub condition at all', () => {
    const any = issuerCluster().serviceAccounts.filter((b) => b.scope === TrustScope.ANY_SERVICE_ACCOUNT);
    expect(any.map((b) => [b.roleName, b.scopeDescription, b.subject])).toEqual([
      ['any-sa', 'unscoped: any service account (system:serviceaccount:*:*) + audience', 'system:serviceaccount:*:*'],
      ['no-sub', 'unscoped: any service account (no :sub condition) + audience', undefined],
    ]);
  });

  test('exact subject without an audience condition', () => {
    expect(binding(issuerCluster(), 'apps', 'web')).toMatchObject({
      roleName: 'no-aud',
      scope: TrustScope.EXACT_SUBJECT,
      scopeDescription: 'exact subject, no audience condition',
      audienceRestricted: false,
      notes: ['no ServiceAccount object in the Kubernetes objects (made elsewhere, e.g. by a Helm chart)'],
    });
  });

  test('a :sub condition that also holds without a subject (IfExists) is unscoped, as the rule pack judges it', () => {
    const own = newStack(newApp(), 'IfExists');
    const ownCluster = importedCluster(own);
    new iam.Role(own, 'Loose', {
      roleName: 'if-exists',
      assumedBy: new iam.FederatedPrincipal(ownCluster.openIdConnectProviderArn, {
        StringEqualsIfExists: { [`${ISSUER_A}:sub`]: 'system:serviceaccount:apps:web' },
        StringEquals: { [`${ISSUER_A}:aud`]: 'sts.amazonaws.com' },
      }, 'sts:AssumeRoleWithWebIdentity'),
    });
    const ownReport = IdentityReport.fromTemplates(inputsOf(own));
    expect(ownReport.clusters[0].serviceAccounts).toEqual([expect.objectContaining({
      roleName: 'if-exists',
      scope: TrustScope.ANY_SERVICE_ACCOUNT,
      scopeDescription: 'unscoped: any service account (the :sub condition StringEqualsIfExists also holds without a subject) + audience',
    })]);
    expect(ownReport.findings.map((f) => f.ruleId)).toContain('EKSID-IRSA-002');
  });

  test('an annotation naming a role outside the templates; a service account without a role', () => {
    expect(binding(shapes(), 'apps', 'ext')).toMatchObject({
      mode: IdentityMode.IRSA, roleName: 'elsewhere', scope: TrustScope.UNKNOWN, scopeDescription: 'annotation names a role outside the templates: trust unknown',
    });
    expect(shapes().roles.find((r) => r.name === 'elsewhere')).toEqual({
      id: 'arn:aws:iam::123456789012:role/elsewhere', name: 'elsewhere', inTemplates: false, managedPolicies: [], statements: [],
    });
    expect(shapes().serviceAccountsWithoutRole).toEqual(['apps/plain']);
  });
});

describe('pod identity trust scopes', () => {
  test('session tags disabled', () => {
    expect(binding(shapes(), 'apps', 'notags')).toMatchObject({
      mode: IdentityMode.POD_IDENTITY,
      scope: TrustScope.SESSION_TAGS_DISABLED,
      scopeDescription: 'session tags disabled (the trust cannot be scoped)',
      sessionTagsDisabled: true,
    });
  });

  test('no tag conditions: any association in the account', () => {
    expect(binding(shapes(), 'apps', 'loose')).toMatchObject({
      scope: TrustScope.ANY_ASSOCIATION, scopeDescription: 'unscoped: any association in the account (no session tag conditions)', notes: [],
    });
  });

  test('tag conditions that do not match the association: not trusted, dashed in the diagram', () => {
    expect(binding(shapes(), 'apps', 'misfit')).toMatchObject({
      roleName: 'other-ns',
      scope: TrustScope.NOT_TRUSTED,
      notes: ['pods get no credentials: the trust requires StringEquals aws:RequestTag/kubernetes-namespace = other'],
    });
    expect(mermaidEdges(report.toMermaid())).toContain('SA misfit -.->|Pod Identity: session tags do not match the association| IAM role other-ns');
  });

  test('an add-on association: the add-on chooses the namespace', () => {
    const addon = shapes().serviceAccounts.find((b) => b.addonName === 'aws-ebs-csi-driver')!;
    expect(addon).toMatchObject({
      namespace: '',
      serviceAccount: 'ebs-csi-controller-sa',
      mode: IdentityMode.POD_IDENTITY,
      scope: TrustScope.SESSION_TAGS,
      notes: ['association of EKS add-on aws-ebs-csi-driver, which chooses the namespace'],
    });
    expect(shapes().roles.find((r) => r.id === addon.roleId)!.managedPolicies).toEqual(['AmazonEBSCSIDriverPolicy']);
    expect(mermaidEdges(report.toMermaid())).toContain('namespace of add-on aws-ebs-csi-driver --> SA ebs-csi-controller-sa');
  });

  test('a cross-account target role: the chain and the target\'s permissions', () => {
    const b = binding(shapes(), 'apps', 'cross');
    expect(b).toMatchObject({ roleName: 'cross-association', targetRoleId: 'Data/CrossTargetRoleD2E12E29', scope: TrustScope.SESSION_TAGS });
    expect(b.notes).toEqual(['chains to target role cross-data (TargetRoleArn arn:aws:iam::210987654321:role/cross-data): pods get the target role\'s credentials']);
    const target = shapes().roles.find((r) => r.id === b.targetRoleId)!;
    expect(target.statements.map((s) => s.summary)).toEqual([
      'Allow s3:GetObject*, s3:GetBucket*, s3:List* on the ARN of DataBucketE3889A50, {the ARN of DataBucketE3889A50}/*',
    ]);
    expect(mermaidEdges(report.toMermaid())).toContain('IAM role cross-association -->|TargetRoleArn| IAM role cross-data');
  });
});

test('permissions: grants inline with their resources, customer managed policies by name with their statements', () => {
  const role = shapes().roles.find((r) => r.name === 'reader')!;
  expect(role.managedPolicies).toEqual(['queue-reader']);
  expect(role.statements).toEqual([
    {
      effect: 'Allow',
      actions: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
      notAction: false,
      // Deploy-time values in words: the bucket's ARN, and its objects.
      resources: ['the ARN of Bucket83908E77', '{the ARN of Bucket83908E77}/*'],
      notResource: false,
      conditional: false,
      conditions: [],
      source: 'inline',
      summary: 'Allow s3:GetObject*, s3:GetBucket*, s3:List* on the ARN of Bucket83908E77, {the ARN of Bucket83908E77}/*',
    },
    expect.objectContaining({ source: 'queue-reader', summary: 'Allow sqs:ReceiveMessage on *' }),
  ]);
});

test('a group with no RBAC binding in the Kubernetes objects', () => {
  const entry = shapes().accessEntries.find((e) => e.principalName === 'role auditor')!;
  expect(entry).toMatchObject({ kubernetesGroups: ['auditors'], groupBindings: [] });
  expect(report.toMarkdown()).toContain('- group `auditors`: no RBAC binding in the Kubernetes objects');
});

test('a stack with its own cluster and an imported one: the imported cluster\'s service account is not misread as untrusted', () => {
  const mixed = newStack(newApp(), 'Mixed');
  newCluster(mixed);
  const other = importedCluster(mixed, 'Other', { clusterName: 'other' });
  other.addWorkloadIdentity('Web', { namespace: 'web', serviceAccountName: 'web', mode: IdentityMode.IRSA, roleName: 'web' });
  const mixedReport = IdentityReport.fromTemplates(inputsOf(mixed));
  expect(mixedReport.clusters.map((c) => c.id)).toEqual(['Mixed/Cluster9EE0221C', 'name:other']);
  expect(mixedReport.clusters[0].serviceAccounts).toEqual([]);
  expect(mixedReport.clusters[1].serviceAccounts).toEqual([expect.objectContaining({
    namespace: 'web',
    serviceAccount: 'web',
    roleName: 'web',
    scope: TrustScope.EXACT_SUBJECT,
    notes: ['ServiceAccount object annotated with this role in the Kubernetes objects of stack Mixed'],
  })]);
});

describe('findings go with the cluster whose resources they name', () => {
  const ids = (c: ClusterReport) => c.findings.map((f) => `${f.ruleId} ${f.logicalId}`);

  test('wildcard and unscoped trusts', () => {
    expect(ids(shapes())).toEqual(expect.arrayContaining([
      'EKSID-IRSA-004 ClusterJobsRoleCB3C2DFD', 'EKSID-IRSA-004 ClusterTeamRoleBE647BAF', 'EKSID-POD-001 Loose6D6DB915',
    ]));
    // No EKSID-POD-007 for the association: the cluster was imported with podIdentityAgentInstalled: true.
    expect(ids(issuerCluster()).sort()).toEqual(['EKSID-IRSA-001 NoAudC8E6F9F4', 'EKSID-IRSA-002 NoSub02125BCC', 'EKSID-IRSA-003 Any9F5837F9']);
    expect(report.otherFindings).toEqual([]);
    expect(report.clusters.flatMap((c) => c.findings)).toHaveLength(report.findings.length);
  });

  test('in the Markdown, with level, rule, place, message and fix', () => {
    const any = report.findings.find((f) => f.ruleId === 'EKSID-IRSA-003')!;
    expect(report.toMarkdown()).toContain(`- **ERROR** \`EKSID-IRSA-003\` \`Irsa/Any9F5837F9\`: ${any.message}. Fix: ${any.fix}`);
  });

  test('suppressed rules leave the report', () => {
    const suppressed = IdentityReport.fromTemplates(inputsOf(irsaStack), { suppressions: [{ ruleId: 'EKSID-IRSA-003', reason: 'lab' }] });
    expect(suppressed.findings.map((f) => f.ruleId)).not.toContain('EKSID-IRSA-003');
    expect(suppressed.findings.map((f) => f.ruleId)).toContain('EKSID-IRSA-002');
  });
});

test('no raw token anywhere: Markdown, Mermaid and JSON describe deploy-time values', () => {
  expect(rawTokenLines(report)).toEqual([]);
  expect(rawTokenLines(IdentityReport.fromTemplates(inputsOf(stack, dataStack, irsaStack), { summarizeAbove: 0 }))).toEqual([]);
});
