import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NODE_ROLE_ARN, policyOf } from './catalog-entries';
import { ControllerIdentity, IdentityMode, WorkloadIdentityOptions } from '../../src';
import { errorOf } from '../support/error-of';
import { ACCOUNT, clusterArnOf, importedCluster, ISSUER_A, ISSUER_B, newCluster, newStack } from '../support/fixtures';
import { evaluateTrust, irsaRequest, podIdentityRequest } from '../support/iam-evaluator';
import { deployedValues } from '../support/intrinsics';
import { logicalIdOf, resourceOf } from '../support/template-queries';

const IRSA = IdentityMode.IRSA;
const POD = IdentityMode.POD_IDENTITY;

describe('IRSA identity of the AWS Load Balancer Controller from the catalog', () => {
  const stack = newStack();
  const cluster = importedCluster(stack);
  const controller = ControllerIdentity.awsLoadBalancerController({ clusterName: 'imported' });
  const identity = cluster.addWorkloadIdentity('Alb', { controller, mode: IRSA });
  const template = Template.fromStack(stack);
  const role = resourceOf(template, identity.role);
  const trust = role.Properties.AssumeRolePolicyDocument;
  const token = (namespace: string, serviceAccount: string, issuer = ISSUER_A) => irsaRequest({ issuer, namespace, serviceAccount });

  test('the service account is the controller\'s', () => {
    expect([identity.namespace, identity.serviceAccountName, identity.mode]).toEqual(['kube-system', 'aws-load-balancer-controller', IRSA]);
  });

  test('the role carries exactly the controller\'s statements, inline', () => {
    expect(role.Properties.Policies).toEqual([{ PolicyName: 'workload-permissions', PolicyDocument: policyOf(controller, stack) }]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(template.findResources('AWS::IAM::Policy')).toEqual({});
  });

  test('the trust lets kube-system/aws-load-balancer-controller of this cluster assume the role', async () => {
    expect(await evaluateTrust(trust, token('kube-system', 'aws-load-balancer-controller'))).toBe('Allowed');
  });

  test.each([
    ['another service account in kube-system', token('kube-system', 'default')],
    ['the same name in another namespace', token('default', 'aws-load-balancer-controller')],
    ['the controller of another cluster', token('kube-system', 'aws-load-balancer-controller', ISSUER_B)],
  ])('the trust denies %s', async (_what, request) => {
    expect(await evaluateTrust(trust, request)).toBe('ImplicitlyDenied');
  });

  test('the ServiceAccount object carries the role annotation', () => {
    const objects = cluster.kubernetesObjects.chart.toJson();
    expect(objects).toEqual([expect.objectContaining({
      kind: 'ServiceAccount',
      metadata: expect.objectContaining({
        name: 'aws-load-balancer-controller',
        namespace: 'kube-system',
        annotations: { 'eks.amazonaws.com/role-arn': identity.roleArn },
      }),
    })]);
  });
});

describe('pod identity of the EBS CSI driver from the catalog', () => {
  const stack = newStack();
  const cluster = newCluster(stack);
  const controller = ControllerIdentity.ebsCsiDriver({ version: 'v1.45.0-eksbuild.2' });
  const identity = cluster.addWorkloadIdentity('Ebs', { controller });
  const templateJson = Template.fromStack(stack).toJSON();
  const values = deployedValues(templateJson);
  const role = templateJson.Resources[logicalIdOf(identity.role)];
  const tags = { clusterArn: clusterArnOf('myeks'), namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa' };

  test('AUTO picks pod identity for a version that supports it', () => {
    expect(identity.mode).toBe(POD);
    expect(identity.modeReason).toBe('AUTO chose pod identity: the cluster and the workload support it');
  });

  test('the role gets the AWS managed policy and no inline policy', () => {
    expect(role.Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy']] },
    ]);
    expect(role.Properties.Policies).toBeUndefined();
  });

  test('one association for kube-system/ebs-csi-controller-sa, after the agent', () => {
    const associations = Object.values<any>(templateJson.Resources).filter((r) => r.Type === 'AWS::EKS::PodIdentityAssociation');
    expect(associations).toHaveLength(1);
    expect(associations[0].Properties).toMatchObject({ Namespace: 'kube-system', ServiceAccount: 'ebs-csi-controller-sa' });
    expect(associations[0].DependsOn).toContain(logicalIdOf(cluster.cluster.eksPodIdentityAgent!));
  });

  test.each(['sts:AssumeRole', 'sts:TagSession'])('the trust allows %s with the session tags of the driver', async (action) => {
    expect(await evaluateTrust(role.Properties.AssumeRolePolicyDocument, podIdentityRequest(tags, action), values)).toBe('Allowed');
  });

  test.each([
    ['the node service account', { serviceAccount: 'ebs-csi-node-sa' }],
    ['another namespace', { namespace: 'default' }],
    ['another cluster', { clusterArn: clusterArnOf('other') }],
  ])('the trust denies %s', async (_what, overrides) => {
    expect(await evaluateTrust(role.Properties.AssumeRolePolicyDocument, podIdentityRequest({ ...tags, ...overrides }), values))
      .toBe('ImplicitlyDenied');
  });
});

describe('AUTO follows the controller version', () => {
  function identityFor(version: string | undefined, mode?: IdentityMode) {
    const stack = newStack();
    const cluster = importedCluster(stack);
    return cluster.addWorkloadIdentity('Alb', { controller: ControllerIdentity.awsLoadBalancerController({ version }), mode });
  }

  test('IRSA for a version before pod identity support', () => {
    const identity = identityFor('v2.6.2');
    expect(identity.mode).toBe(IRSA);
    expect(identity.modeReason).toBe(
      'AUTO chose IRSA: AWS Load Balancer Controller v2.6.2 does not support EKS Pod Identity (it needs v2.7.0 or later)');
    expect(identity.association).toBeUndefined();
  });

  test('pod identity for a version with it', () => {
    const identity = identityFor('v2.13.0');
    expect(identity.mode).toBe(POD);
    expect(identity.association).toBeDefined();
  });

  test('pod identity when the version is not known', () => {
    expect(identityFor(undefined).mode).toBe(POD);
  });

  test('IRSA for the same version when the cluster has no pod identity agent', () => {
    const stack = newStack();
    const cluster = importedCluster(stack, 'Imported', { podIdentityAgentInstalled: false });
    const identity = cluster.addWorkloadIdentity('Alb', { controller: ControllerIdentity.awsLoadBalancerController({ version: 'v2.13.0' }) });
    expect(identity.modeReason).toBe(
      'AUTO chose IRSA: the eks-pod-identity-agent is not installed in the cluster (podIdentityAgentInstalled: false)');
  });

  test('explicit pod identity for an unsupported version fails at synth with the reason', () => {
    expect(errorOf(() => identityFor('v2.6.2', POD))).toBe(
      'Stack/Imported/Alb: POD_IDENTITY cannot work here: AWS Load Balancer Controller v2.6.2 does not support EKS Pod Identity '
      + '(it needs v2.7.0 or later). Fix: use IdentityMode.IRSA, or IdentityMode.AUTO to let the library choose');
  });

  test('explicit pod identity for an EKS add-on build before support fails too', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(errorOf(() => cluster.addWorkloadIdentity('Cni', { controller: ControllerIdentity.vpcCni({ version: 'v1.15.4-eksbuild.1' }), mode: POD })))
      .toBe('Stack/Imported/Cni: POD_IDENTITY cannot work here: Amazon VPC CNI v1.15.4-eksbuild.1 does not support EKS Pod Identity '
        + '(it needs v1.15.5-eksbuild.1 or later). Fix: use IdentityMode.IRSA, or IdentityMode.AUTO to let the library choose');
  });

  test('a reason given by the user wins over the controller\'s', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const identity = cluster.addWorkloadIdentity('Alb', {
      controller: ControllerIdentity.awsLoadBalancerController({ version: 'v2.13.0' }), podIdentityUnsupportedReason: 'a custom build',
    });
    expect(identity.modeReason).toBe('AUTO chose IRSA: a custom build');
  });
});

describe('controller options combine with the identity\'s own', () => {
  test('namespace and service account given to the identity win; user statements come after the controller\'s', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const extra = new iam.PolicyStatement({ sid: 'Extra', actions: ['sqs:SendMessage'], resources: [`arn:aws:sqs:ap-northeast-2:${ACCOUNT}:q`] });
    const identity = cluster.addWorkloadIdentity('Karpenter', {
      controller: ControllerIdentity.karpenter({ clusterName: 'imported', nodeRoleArn: NODE_ROLE_ARN }),
      namespace: 'karpenter',
      statements: [extra],
      mode: IRSA,
    });
    expect([identity.namespace, identity.serviceAccountName]).toEqual(['karpenter', 'karpenter']);
    const statements = resourceOf(Template.fromStack(stack), identity.role).Properties.Policies[0].PolicyDocument.Statement;
    expect(statements.map((s: any) => s.Sid).slice(-2)).toEqual(['ReadZonalShiftStatus', 'Extra']);
  });

  test('user managed policies are attached after the controller\'s', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const identity = cluster.addWorkloadIdentity('Cni', {
      controller: ControllerIdentity.vpcCni(),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    const arns = resourceOf(Template.fromStack(stack), identity.role).Properties.ManagedPolicyArns;
    expect(JSON.stringify(arns)).toMatch(/AmazonEKS_CNI_Policy.*AmazonSSMManagedInstanceCore/);
  });

  test.each<[string, Partial<WorkloadIdentityOptions>, string]>([
    ['no namespace', { serviceAccountName: 'my-sa' }, 'namespace'],
    ['no service account', { namespace: 'default' }, 'serviceAccountName'],
    ['neither', {}, 'namespace'],
  ])('without a controller, %s fails at synth', (_what, options, missing) => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(errorOf(() => cluster.addWorkloadIdentity('Id', options))).toBe(
      `Stack/Imported/Id: ${missing} is not set. Fix: set namespace and serviceAccountName, or pass a controller from the catalog `
      + '(controller: ControllerIdentity.awsLoadBalancerController(), ...)');
  });

  test('a catalog input error names the identity', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(errorOf(() => cluster.addWorkloadIdentity('Dns', { controller: ControllerIdentity.externalDns({ hostedZoneIds: [] }) })))
      .toMatch(/^Stack\/Imported\/Dns: the ExternalDNS catalog entry got no hosted zones\. Fix: /);
  });

  test('one service account, one identity: the controller twice in one cluster fails', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    cluster.addWorkloadIdentity('A', { controller: ControllerIdentity.vpcCni() });
    expect(errorOf(() => cluster.addWorkloadIdentity('B', { controller: ControllerIdentity.vpcCni() })))
      .toMatch(/^Stack\/Imported\/B: service account kube-system\/aws-node of cluster Stack\/Imported is already defined by Stack\/Imported\/A\./);
  });
});

describe('createAssociation: false', () => {
  test('pod identity without an AWS::EKS::PodIdentityAssociation', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const identity = cluster.addWorkloadIdentity('Id', { namespace: 'default', serviceAccountName: 'my-sa', mode: POD, createAssociation: false });
    expect(identity.mode).toBe(POD);
    expect(identity.association).toBeUndefined();
    expect(Template.fromStack(stack).findResources('AWS::EKS::PodIdentityAssociation')).toEqual({});
  });

  test('association settings without the association fail at synth', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    expect(errorOf(() => cluster.addWorkloadIdentity('Id', {
      namespace: 'default', serviceAccountName: 'my-sa', mode: POD, createAssociation: false, targetRoleArn: `arn:aws:iam::${ACCOUNT}:role/t`,
    }))).toBe('Stack/Imported/Id: targetRoleArn, sessionPolicy and disableSessionTags are settings of the pod identity association, '
      + 'and createAssociation is false. Fix: set them where the association is made, or remove them');
  });
});
