import { Template } from 'aws-cdk-lib/assertions';
import { BUCKET_ARN } from './catalog-entries';
import { AddonConflictResolution, AdotCollector, ControllerAddon, ControllerIdentity, IdentityMode } from '../../src';
import { errorOf } from '../support/error-of';
import { clusterArnOf, importedCluster, newCluster, newStack } from '../support/fixtures';
import { evaluateTrust, podIdentityRequest } from '../support/iam-evaluator';
import { deployedValues } from '../support/intrinsics';
import { codeResources, countByType, logicalIdOf, resourceOf } from '../support/template-queries';

/** Resource counts without those of the cluster itself (an aws-eks-v2 cluster with a node group). */
function addedCounts(build: (addon: boolean) => Template): { [type: string]: number } {
  const before = countByType(build(false));
  const after = countByType(build(true));
  const added: { [type: string]: number } = {};
  for (const [type, count] of Object.entries(after)) if (count !== (before[type] ?? 0)) added[type] = count - (before[type] ?? 0);
  return added;
}

describe('an EKS add-on on pod identity (EBS CSI driver)', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const addon = new ControllerAddon(stack, 'EbsCsi', { cluster, controller: ControllerIdentity.ebsCsiDriver({ version: 'v1.45.0-eksbuild.2' }) });
  const template = Template.fromStack(stack);
  const resource = resourceOf(template, addon.addon);

  test('the add-on owns the association: PodIdentityAssociations with the role, no ServiceAccountRoleArn', () => {
    expect(addon.identity.mode).toBe(IdentityMode.POD_IDENTITY);
    expect(resource.Properties).toEqual({
      AddonName: 'aws-ebs-csi-driver',
      AddonVersion: 'v1.45.0-eksbuild.2',
      ClusterName: { Ref: logicalIdOf(cluster.cluster) },
      PodIdentityAssociations: [{ ServiceAccount: 'ebs-csi-controller-sa', RoleArn: { 'Fn::GetAtt': [logicalIdOf(addon.identity.role), 'Arn'] } }],
      ResolveConflicts: 'OVERWRITE',
    });
  });

  test('it waits for the pod identity agent', () => {
    expect(resource.DependsOn).toEqual([logicalIdOf(cluster.cluster.eksPodIdentityAgent!)]);
  });

  test('adds the add-on and one role: no separate association, no service account object, no Lambda', () => {
    expect(addedCounts((withAddon) => {
      const s = newStack();
      const c = newCluster(s);
      if (withAddon) new ControllerAddon(s, 'EbsCsi', { cluster: c, controller: ControllerIdentity.ebsCsiDriver() });
      return Template.fromStack(s);
    })).toEqual({ 'AWS::EKS::Addon': 1, 'AWS::IAM::Role': 1 });
    expect(template.findResources('AWS::EKS::PodIdentityAssociation')).toEqual({});
    expect(codeResources(template)).toEqual({});
    expect(cluster.kubernetesObjects.chart.toJson()).toEqual([]);
  });

  test('the role trusts the add-on\'s service account through pod identity session tags', async () => {
    const json = template.toJSON();
    const trust = resourceOf(template, addon.identity.role).Properties.AssumeRolePolicyDocument;
    const tags = { clusterArn: clusterArnOf('myeks'), namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa' };
    expect(await evaluateTrust(trust, podIdentityRequest(tags), deployedValues(json))).toBe('Allowed');
    expect(await evaluateTrust(trust, podIdentityRequest({ ...tags, serviceAccount: 'ebs-csi-node-sa' }), deployedValues(json))).toBe('ImplicitlyDenied');
  });

  test('snapshot', () => {
    expect({ addon: resource, role: resourceOf(template, addon.identity.role) }).toMatchSnapshot();
  });
});

describe('an EKS add-on on IRSA (VPC CNI build before pod identity support)', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const addon = new ControllerAddon(stack, 'VpcCni', {
    cluster,
    controller: ControllerIdentity.vpcCni({ version: 'v1.15.1-eksbuild.1' }),
    configurationValues: { env: { ENABLE_PREFIX_DELEGATION: 'true' } },
    resolveConflicts: AddonConflictResolution.PRESERVE,
    preserveOnDelete: true,
  });
  const template = Template.fromStack(stack);
  const resource = resourceOf(template, addon.addon);

  test('AUTO picks IRSA and the add-on gets ServiceAccountRoleArn', () => {
    expect(addon.identity.mode).toBe(IdentityMode.IRSA);
    expect(addon.identity.modeReason).toBe(
      'AUTO chose IRSA: Amazon VPC CNI v1.15.1-eksbuild.1 does not support EKS Pod Identity (it needs v1.15.5-eksbuild.1 or later)');
    expect(resource.Properties).toEqual({
      AddonName: 'vpc-cni',
      AddonVersion: 'v1.15.1-eksbuild.1',
      ClusterName: { Ref: logicalIdOf(cluster.cluster) },
      ServiceAccountRoleArn: { 'Fn::GetAtt': [logicalIdOf(addon.identity.role), 'Arn'] },
      ConfigurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}',
      ResolveConflicts: 'PRESERVE',
      PreserveOnDelete: true,
    });
    expect(resource.DependsOn).toBeUndefined();
  });

  test('the role trusts kube-system/aws-node through the cluster\'s OIDC provider and has AmazonEKS_CNI_Policy', () => {
    const role = resourceOf(template, addon.identity.role);
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('system:serviceaccount:kube-system:aws-node');
    expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toContain(':iam::aws:policy/AmazonEKS_CNI_Policy');
  });

  test('adds the add-on and one role, no association, and writes no service account (the add-on creates it)', () => {
    expect(addedCounts((withAddon) => {
      const s = newStack();
      const c = newCluster(s);
      if (withAddon) new ControllerAddon(s, 'VpcCni', { cluster: c, controller: ControllerIdentity.vpcCni(), mode: IdentityMode.IRSA });
      return Template.fromStack(s);
    })).toEqual({ 'AWS::EKS::Addon': 1, 'AWS::IAM::Role': 1 });
    expect(template.findResources('AWS::EKS::PodIdentityAssociation')).toEqual({});
    expect(cluster.kubernetesObjects.chart.toJson()).toEqual([]);
  });

  test('snapshot', () => {
    expect({ addon: resource, role: resourceOf(template, addon.identity.role) }).toMatchSnapshot();
  });
});

test('explicit pod identity for an add-on build before support fails at synth with the reason', () => {
  const stack = newStack();
  const cluster = importedCluster(stack);
  expect(errorOf(() => new ControllerAddon(stack, 'Efs', {
    cluster, controller: ControllerIdentity.efsCsiDriver({ version: 'v2.0.4-eksbuild.1' }), mode: IdentityMode.POD_IDENTITY,
  }))).toBe('Stack/Efs/Identity: POD_IDENTITY cannot work here: Amazon EFS CSI driver v2.0.4-eksbuild.1 does not support EKS Pod Identity '
    + '(it needs v2.0.5 or later). Fix: use IdentityMode.IRSA, or IdentityMode.AUTO to let the library choose');
});

test('an imported cluster without a managed agent: pod identity add-on without DependsOn', () => {
  const stack = newStack();
  const cluster = importedCluster(stack);
  const addon = new ControllerAddon(stack, 'S3', { cluster, controller: ControllerIdentity.mountpointS3CsiDriver({ bucketArns: [BUCKET_ARN] }) });
  const resource = resourceOf(Template.fromStack(stack), addon.addon);
  expect(resource.Properties.ClusterName).toBe('imported');
  expect(resource.Properties.PodIdentityAssociations).toEqual([{ ServiceAccount: 's3-csi-driver-sa', RoleArn: { 'Fn::GetAtt': [logicalIdOf(addon.identity.role), 'Arn'] } }]);
  expect(resource.DependsOn).toBeUndefined();
});

test('a controller that is not an EKS add-on fails at synth', () => {
  const stack = newStack();
  const cluster = importedCluster(stack);
  expect(errorOf(() => new ControllerAddon(stack, 'Alb', { cluster, controller: ControllerIdentity.awsLoadBalancerController() }))).toBe(
    'Stack/Alb: AWS Load Balancer Controller is not an EKS add-on. Fix: install it with its Helm chart and give it an identity with '
    + 'WorkloadIdentity (controller: ...) or cluster.addWorkloadIdentity');
});

test('an add-on with another service account fails at synth', () => {
  const stack = newStack();
  const cluster = importedCluster(stack);
  expect(errorOf(() => new ControllerAddon(stack, 'Cni', { cluster, controller: ControllerIdentity.vpcCni({ serviceAccountName: 'my-cni' }) }))).toBe(
    'Stack/Cni: the vpc-cni add-on runs as its own service account, not kube-system/my-cni. '
    + 'Fix: leave namespace and serviceAccountName of the catalog entry unset for an add-on');
});

test('the add-on\'s service account is claimed: a second identity for it fails', () => {
  const stack = newStack();
  const cluster = importedCluster(stack);
  new ControllerAddon(stack, 'Cni', { cluster, controller: ControllerIdentity.vpcCni() });
  expect(errorOf(() => cluster.addWorkloadIdentity('Node', { namespace: 'kube-system', serviceAccountName: 'aws-node' })))
    .toMatch(/^Stack\/Imported\/Node: service account kube-system\/aws-node of cluster Stack\/Imported is already defined by Stack\/Cni\/Identity\./);
});

test('an ADOT collector\'s identity goes to its own service account', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const addon = new ControllerAddon(stack, 'Adot', {
    cluster, controller: ControllerIdentity.adot({ collector: AdotCollector.PROMETHEUS_METRICS, version: 'v0.94.1-eksbuild.1' }),
  });
  const resource = resourceOf(Template.fromStack(stack), addon.addon);
  expect(resource.Properties.PodIdentityAssociations).toEqual([
    { ServiceAccount: 'adot-col-prom-metrics', RoleArn: { 'Fn::GetAtt': [logicalIdOf(addon.identity.role), 'Arn'] } },
  ]);
  expect(addon.identity.namespace).toBe('opentelemetry-operator-system');
});

test('the FSx for Lustre CSI driver is an add-on too', () => {
  const stack = newStack();
  const addon = new ControllerAddon(stack, 'Fsx', { cluster: newCluster(stack), controller: ControllerIdentity.fsxCsiDriver({ version: 'v1.9.0-eksbuild.1' }) });
  expect(resourceOf(Template.fromStack(stack), addon.addon).Properties).toEqual(expect.objectContaining({
    AddonName: 'aws-fsx-csi-driver',
    PodIdentityAssociations: [{ ServiceAccount: 'fsx-csi-controller-sa', RoleArn: { 'Fn::GetAtt': [logicalIdOf(addon.identity.role), 'Arn'] } }],
  }));
});
