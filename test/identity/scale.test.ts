import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityCluster, IdentityMode } from '../../src';
import {
  ClusterCompute, ENV, importedCluster, ISSUER_B, newApp, newCluster, newStack,
} from '../support/fixtures';
import { cfnResourceCount, codeResources, countByType, resourceCount } from '../support/template-queries';

// aws-eks-v2's deprecated Lambda-backed OIDC provider appears here on purpose; keep its warning out of the output.
process.env.JSII_DEPRECATED = 'quiet';

/** A cluster with a few identities of every mode and shape. */
function populatedStack(compute: ClusterCompute): { stack: Stack; cluster: IdentityCluster } {
  const app = newApp();
  const stack = newStack(app);
  const cluster = newCluster(stack, compute, { admins: ['arn:aws:iam::123456789012:role/Admin'] });
  const other = importedCluster(stack, 'Other', { clusterName: 'other', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
  const bucket = new s3.Bucket(stack, 'Bucket');
  const identities = [
    cluster.addWorkloadIdentity('Irsa', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA }),
    cluster.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY }),
    cluster.addWorkloadIdentity('Auto', { namespace: 'apps', serviceAccountName: 'auto', createNamespace: true }),
    cluster.addWorkloadIdentity('NoTags', {
      namespace: 'apps', serviceAccountName: 'untagged', mode: IdentityMode.POD_IDENTITY, disableSessionTags: true,
    }),
    cluster.addWorkloadIdentity('Wildcard', {
      namespace: 'team-*', serviceAccountName: '*', mode: IdentityMode.IRSA, allowWildcardSubject: true,
    }),
    cluster.addWorkloadIdentity('Multi', { namespace: 'apps', serviceAccountName: 'shared', mode: IdentityMode.IRSA, additionalClusters: [other] }),
    cluster.addWorkloadIdentity('Byo', {
      namespace: 'apps',
      serviceAccountName: 'byo',
      mode: IdentityMode.POD_IDENTITY,
      role: new iam.Role(stack, 'MyRole', { assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com').withSessionTags() }),
    }),
  ];
  for (const identity of identities) bucket.grantRead(identity);
  cluster.addServiceAccount('Plain', { namespace: 'apps', name: 'no-aws' });
  return { stack, cluster };
}

describe.each<[ClusterCompute]>([['nodegroup'], ['automode']])('no Lambda, no custom resource, no nested stack (%s)', (compute) => {
  const { stack, cluster } = populatedStack(compute);
  const template = Template.fromStack(stack);

  test('zero AWS::Lambda::Function, AWS::CloudFormation::CustomResource, Custom::*, AWS::CloudFormation::Stack', () => {
    expect(codeResources(template)).toEqual({});
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('AWS::CloudFormation::CustomResource', 0);
    template.resourceCountIs('AWS::CloudFormation::Stack', 0);
    expect(Object.keys(countByType(template)).filter((type) => type.startsWith('Custom::'))).toEqual([]);
  });

  test('the whole app synthesizes and the cloud assembly has no nested stack template', () => {
    const assembly = (stack.node.root as any).synth();
    expect(assembly.stacks.map((s: any) => s.stackName)).toEqual(['Stack']);
    expect(assembly.nestedAssemblies ?? []).toEqual([]);
  });

  test('the identities are there: roles and associations', () => {
    // Irsa, Pod, Auto, NoTags, Wildcard, Multi + the user's role; cluster and node roles.
    template.resourceCountIs('AWS::EKS::PodIdentityAssociation', 4);
    expect(cluster.autoMode).toBe(compute === 'automode');
  });
});

describe('resources per identity', () => {
  function countWith(add: (cluster: IdentityCluster) => void): number {
    const stack = newStack();
    const cluster = newCluster(stack);
    add(cluster);
    return resourceCount(Template.fromStack(stack));
  }
  const base = countWith(() => undefined);
  const n = 10;
  const perIdentity = (mode: IdentityMode) => (countWith((cluster) => {
    for (let i = 0; i < n; i++) cluster.addWorkloadIdentity(`Id${i}`, { namespace: 'default', serviceAccountName: `sa-${i}`, mode });
  }) - base) / n;

  test('IRSA: 1 (the role, permissions inline)', () => {
    expect(perIdentity(IdentityMode.IRSA)).toBe(1);
  });

  test('pod identity: 2 (role + association)', () => {
    expect(perIdentity(IdentityMode.POD_IDENTITY)).toBe(2);
  });

  test('AUTO: at most 2', () => {
    expect(perIdentity(IdentityMode.AUTO)).toBeLessThanOrEqual(2);
  });

  test('grants stay inline: no extra resource', () => {
    const granted = countWith((cluster) => {
      const bucket = new s3.Bucket(cluster, 'Bucket');
      for (let i = 0; i < n; i++) {
        bucket.grantReadWrite(cluster.addWorkloadIdentity(`Id${i}`, { namespace: 'default', serviceAccountName: `sa-${i}`, mode: IdentityMode.POD_IDENTITY }));
      }
    });
    expect(granted - base).toBe(2 * n + 1); // + the bucket
  });
});

describe('200 identities in one stack', () => {
  test('a cluster and 200 identities (mixed modes) synthesize and stay within 500 resources', () => {
    const app = newApp();
    const stack = newStack(app);
    const cluster = newCluster(stack);
    const before = cfnResourceCount(stack);
    const modes = [IdentityMode.IRSA, IdentityMode.POD_IDENTITY, IdentityMode.AUTO];
    const identities = Array.from({ length: 200 }, (_, i) =>
      cluster.addWorkloadIdentity(`Id${i}`, { namespace: `ns-${i % 7}`, serviceAccountName: `sa-${i}`, mode: modes[i % 3], createNamespace: true }));
    const expected = identities.reduce((sum, identity) => sum + (identity.mode === IdentityMode.IRSA ? 1 : 2), 0);

    const assembly = app.synth();
    const template = assembly.getStackByName('Stack').template;
    const total = Object.keys(template.Resources).length;
    expect(total).toBe(before + expected);
    expect(total).toBeLessThanOrEqual(500);
    expect(codeResources(Template.fromJSON(template))).toEqual({});
  });

  test('for contrast: the same 200 service accounts with aws-eks-v2 addServiceAccount exceed 500 resources and fail synth', () => {
    const app = newApp();
    const stack = new Stack(app, 'EksV2', { env: ENV });
    const cluster = new eks.Cluster(stack, 'Cluster', {
      version: eks.KubernetesVersion.V1_33,
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      kubectlProviderOptions: {
        kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(stack, 'L', 'arn:aws:lambda:us-east-1:123456789012:layer:kubectl:1'),
      },
    });
    const before = cfnResourceCount(stack);
    cluster.addServiceAccount('Sa0', { namespace: 'ns-0', name: 'sa-0' });
    const afterOne = cfnResourceCount(stack);
    for (let i = 1; i < 200; i++) cluster.addServiceAccount(`Sa${i}`, { namespace: `ns-${i % 7}`, name: `sa-${i}` });
    const total = cfnResourceCount(stack);
    // Measured with aws-cdk-lib 2.276.0: 47 before, 652 after (a role, a CfnJson custom resource and a
    // kubectl manifest per service account, plus the OIDC provider and the custom resource providers).
    expect(total).toBeGreaterThan(500);
    expect((total - afterOne) / 199).toBeGreaterThanOrEqual(3);
    expect(afterOne - before).toBeGreaterThan(3);
    expect(() => app.synth()).toThrow(new RegExp(`Number of resources in stack 'EksV2': ${total} is greater than allowed maximum of 500`));
  });
});
