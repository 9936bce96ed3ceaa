import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { CheckInput, EksIdentityChecks, IdentityCluster, IdentityClusterAttributes, IdentityMode, IIdentityCluster, WorkloadIdentity } from '../../src';
import { importedCluster, newStack } from '../support/fixtures';

/*
 * A cluster made elsewhere has no resource in the templates: its pod identity agent and Fargate
 * profiles are what the import says (`podIdentityAgentInstalled`, `fargateNamespaces`), recorded
 * in the template's `Metadata` so that the rule pack judges its associations as the constructs do.
 */

/** A stack with an imported cluster, one pod identity workload in namespace `apps`, and a hand-written association. */
function stackWith(attrs: Partial<IdentityClusterAttributes>) {
  const stack = newStack();
  const cluster: IIdentityCluster = importedCluster(stack, 'Imported', attrs);
  new WorkloadIdentity(stack, 'Web', { cluster, namespace: 'apps', serviceAccountName: 'web', mode: IdentityMode.POD_IDENTITY });
  return { stack, cluster };
}

function findings(stack: ReturnType<typeof newStack>, ruleId: string) {
  const input: CheckInput = { stackName: stack.stackName, template: Template.fromStack(stack).toJSON() };
  return new EksIdentityChecks().run([input]).filter((f) => f.ruleId === ruleId);
}

describe('the template metadata of an imported cluster', () => {
  test('records podIdentityAgentInstalled and fargateNamespaces when the import gives them', () => {
    const { stack } = stackWith({ podIdentityAgentInstalled: true, fargateNamespaces: ['batch-*', 'jobs'] });
    expect(Template.fromStack(stack).toJSON().Metadata['cdk-eks-identity']).toEqual({
      importedClusters: [expect.objectContaining({ clusterName: 'imported', podIdentityAgentInstalled: true, fargateNamespaces: ['batch-*', 'jobs'] })],
    });
  });

  test('leaves them out when not known, or none', () => {
    const { stack } = stackWith({ podIdentityAgentInstalled: undefined });
    const [recorded] = Template.fromStack(stack).toJSON().Metadata['cdk-eks-identity'].importedClusters;
    expect(Object.keys(recorded).sort()).toEqual(['clusterName', 'openIdConnectIssuerUrl', 'openIdConnectProviderArn']);
  });

  test('an aws-eks-v2 cluster imported with fromCluster records what it was told', () => {
    const stack = newStack();
    const v2 = eks.Cluster.fromClusterAttributes(stack, 'V2', { clusterName: 'v2' });
    IdentityCluster.fromCluster(stack, 'Identity', v2, {
      openIdConnectIssuerUrl: 'https://oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
      podIdentityAgent: true,
      fargateNamespaces: ['fargate'],
    });
    expect(Template.fromStack(stack).toJSON().Metadata['cdk-eks-identity'].importedClusters)
      .toEqual([expect.objectContaining({ clusterName: 'v2', podIdentityAgentInstalled: true, fargateNamespaces: ['fargate'] })]);
  });
});

describe('EKSID-POD-007 on imported clusters', () => {
  test('passes a cluster imported with podIdentityAgentInstalled: true (the agent runs there, not in the templates)', () => {
    expect(findings(stackWith({ podIdentityAgentInstalled: true }).stack, 'EKSID-POD-007')).toEqual([]);
  });

  test('passes a cluster imported in Auto Mode (the agent is built in)', () => {
    expect(findings(stackWith({ podIdentityAgentInstalled: undefined, autoMode: true }).stack, 'EKSID-POD-007')).toEqual([]);
  });

  test('flags a cluster whose agent is not known, and says when the import said it is not there', () => {
    const unknown = findings(stackWith({ podIdentityAgentInstalled: undefined }).stack, 'EKSID-POD-007');
    expect(unknown.map((f) => f.message)).toEqual([expect.stringMatching(/^cluster imported has 1 pod identity association\(s\) but no eks-pod-identity-agent addon in these templates: /)]);
    expect(unknown[0].fix).toContain('import the cluster with podIdentityAgentInstalled: true');

    // The constructs refuse POD_IDENTITY on a cluster without the agent: a hand-written association.
    const stack = newStack();
    const cluster = importedCluster(stack, 'Imported', { podIdentityAgentInstalled: false });
    new eks.CfnPodIdentityAssociation(stack, 'HandWritten', {
      clusterName: cluster.clusterName, namespace: 'apps', serviceAccount: 'web', roleArn: 'arn:aws:iam::123456789012:role/web',
    });
    expect(findings(stack, 'EKSID-POD-007').map((f) => f.message)).toEqual([
      expect.stringContaining('no eks-pod-identity-agent addon in these templates (it was imported with podIdentityAgentInstalled: false): '),
    ]);
  });
});

describe('EKSID-POD-011 on imported clusters', () => {
  /** A hand-written association (the constructs refuse pod identity in a Fargate namespace at synth). */
  function handWritten(fargateNamespaces: string[], namespace: string) {
    const { stack, cluster } = stackWith({ podIdentityAgentInstalled: true, fargateNamespaces });
    new eks.CfnPodIdentityAssociation(stack, 'HandWritten', {
      clusterName: cluster.clusterName, namespace, serviceAccount: 'runner', roleArn: 'arn:aws:iam::123456789012:role/runner',
    });
    return findings(stack, 'EKSID-POD-011');
  }

  test('flags an association in a namespace the import names as Fargate (exactly or by pattern)', () => {
    expect(handWritten(['jobs'], 'jobs').map((f) => f.message)).toEqual([
      expect.stringMatching(/^pod identity association HandWritten is for jobs\/runner, and the Fargate namespaces it was imported with \(jobs\) of cluster imported selects namespace jobs: EKS Pod Identity does not run on Fargate/),
    ]);
    expect(handWritten(['batch-*'], 'batch-nightly').map((f) => f.logicalId)).toEqual(['HandWritten']);
  });

  test('passes other namespaces', () => {
    expect(handWritten(['batch-*'], 'apps-2')).toEqual([]);
  });
});
