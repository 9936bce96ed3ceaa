import { Template } from 'aws-cdk-lib/assertions';
import { IdentityMode, IIdentityCluster, WorkloadIdentityOptions, WorkloadPlatform } from '../../src';
import {
  ACCOUNT, importedCluster, ISSUER_B, newApp, newCluster, newStack,
} from '../support/fixtures';
import { resourceOf } from '../support/template-queries';

function autoIdentity(cluster: IIdentityCluster, options: Partial<WorkloadIdentityOptions> = {}) {
  return cluster.addWorkloadIdentity('Auto', { namespace: 'default', serviceAccountName: 'my-sa', ...options });
}

const CHOSE_POD_IDENTITY = 'AUTO chose pod identity: the cluster and the workload support it';

describe('AUTO picks pod identity where it works', () => {
  test('Linux EC2 cluster with managed node groups (AUTO is the default)', () => {
    const stack = newStack();
    const identity = autoIdentity(newCluster(stack));
    expect(identity.mode).toBe(IdentityMode.POD_IDENTITY);
    expect(identity.modeReason).toBe(CHOSE_POD_IDENTITY);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 1);
    expect(resourceOf(template, identity.role).Properties.AssumeRolePolicyDocument.Statement[0].Principal)
      .toEqual({ Service: 'pods.eks.amazonaws.com' });
  });

  test('Auto Mode cluster (agent built in)', () => {
    const stack = newStack();
    const identity = autoIdentity(newCluster(stack, 'automode'), { mode: IdentityMode.AUTO });
    expect(identity.mode).toBe(IdentityMode.POD_IDENTITY);
    expect(identity.modeReason).toBe(CHOSE_POD_IDENTITY);
  });

  test('imported cluster with the agent (the default)', () => {
    const identity = autoIdentity(importedCluster(newStack()));
    expect(identity.mode).toBe(IdentityMode.POD_IDENTITY);
  });
});

describe('AUTO picks IRSA where pod identity cannot work, and says why', () => {
  test.each([
    [WorkloadPlatform.FARGATE, 'AUTO chose IRSA: EKS Pod Identity does not run on AWS Fargate'],
    [WorkloadPlatform.WINDOWS, 'AUTO chose IRSA: EKS Pod Identity does not run on Windows nodes'],
  ])('platform %s', (platform, reason) => {
    const stack = newStack();
    const identity = autoIdentity(newCluster(stack), { platform });
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason).toBe(reason);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 0);
    expect(identity.association).toBeUndefined();
  });

  test('China region', () => {
    const stack = newStack(newApp(), 'Stack', { env: { account: ACCOUNT, region: 'cn-north-1' } });
    const identity = autoIdentity(importedCluster(stack, 'Imported', {
      openIdConnectIssuerUrl: 'https://oidc.eks.cn-north-1.amazonaws.com.cn/id/0123456789ABCDEF0123456789ABCDEF',
    }));
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason).toBe('AUTO chose IRSA: EKS Pod Identity is not available in the China regions (cn-north-1)');
    expect(identity.roleArn).toMatch(/^arn:aws-cn:iam::123456789012:role\//);
  });

  test('imported cluster without the agent', () => {
    const identity = autoIdentity(importedCluster(newStack(), 'Imported', { podIdentityAgentInstalled: false }));
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason)
      .toBe('AUTO chose IRSA: the eks-pod-identity-agent is not installed in the cluster (podIdentityAgentInstalled: false)');
  });

  test('wildcard subject', () => {
    const identity = autoIdentity(importedCluster(newStack()), { namespace: 'team-*', allowWildcardSubject: true });
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason).toBe('AUTO chose IRSA: pod identity has no wildcard namespaces or service accounts');
  });

  test('several clusters', () => {
    const stack = newStack();
    const other = importedCluster(stack, 'Other', { clusterName: 'other', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
    const identity = autoIdentity(importedCluster(stack), { additionalClusters: [other] });
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason)
      .toBe('AUTO chose IRSA: one role for several clusters is an IRSA trust (pod identity associations are per cluster)');
  });

  test('a workload that cannot use pod identity', () => {
    const identity = autoIdentity(importedCluster(newStack()), { podIdentityUnsupportedReason: 'controller v2.6 predates pod identity support' });
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason).toBe('AUTO chose IRSA: controller v2.6 predates pod identity support');
  });
});

describe('explicit modes', () => {
  test('IRSA requested on a cluster where pod identity works', () => {
    const identity = autoIdentity(importedCluster(newStack()), { mode: IdentityMode.IRSA });
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(identity.modeReason).toBe('IRSA was requested');
  });

  test('POD_IDENTITY requested', () => {
    const identity = autoIdentity(importedCluster(newStack()), { mode: IdentityMode.POD_IDENTITY });
    expect(identity.mode).toBe(IdentityMode.POD_IDENTITY);
    expect(identity.modeReason).toBe('pod identity was requested');
  });

  test('the mode is never AUTO', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const modes = [IdentityMode.AUTO, IdentityMode.IRSA, IdentityMode.POD_IDENTITY].map((mode, i) =>
      cluster.addWorkloadIdentity(`I${i}`, { namespace: 'default', serviceAccountName: `sa-${i}`, mode }).mode);
    expect(modes).toEqual([IdentityMode.POD_IDENTITY, IdentityMode.IRSA, IdentityMode.POD_IDENTITY]);
  });
});
