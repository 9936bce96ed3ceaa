import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { EKS_USE_NATIVE_OIDC_PROVIDER } from 'aws-cdk-lib/cx-api';
import { AuthenticationMode, IdentityCluster, IdentityMode } from '../../src';
import { expectedIrsaStatement, expectedTrust } from '../support/expected-trust';
import {
  ACCOUNT, clusterArnOf, importedCluster, ISSUER_A, newApp, newStack, providerArnOf,
} from '../support/fixtures';
import { deployedValues, resolveIntrinsics } from '../support/intrinsics';
import { logicalIdOf, resourceOf } from '../support/template-queries';

// aws-eks-v2's deprecated Lambda-backed OIDC provider appears here on purpose; keep its warning out of the output.
process.env.JSII_DEPRECATED = 'quiet';

function v2Cluster(stack: any, props: Partial<eks.ClusterProps> = {}): eks.Cluster {
  return new eks.Cluster(stack, 'V2', {
    clusterName: 'v2',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    ...props,
  });
}

/** Every OIDC provider in a template: native or aws-eks-v2's Lambda-backed one. */
function providers(template: Template): string[] {
  return [
    ...Object.keys(template.findResources('AWS::IAM::OIDCProvider')),
    ...Object.keys(template.findResources('Custom::AWSCDKOpenIdConnectProvider')),
  ];
}

function agentAddons(template: Template): string[] {
  return Object.keys(template.findResources('AWS::EKS::Addon', { Properties: { AddonName: 'eks-pod-identity-agent' } }));
}

describe('IdentityCluster.fromClusterAttributes', () => {
  test('a literal issuer gives a plain-object trust with the literal keys', () => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const identity = cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
    expect(resourceOf(Template.fromStack(stack), identity.role).Properties.AssumeRolePolicyDocument).toEqual(expectedTrust([
      expectedIrsaStatement(providerArnOf(ISSUER_A), ISSUER_A, 'system:serviceaccount:default:my-sa'),
    ]));
  });

  test('defaults: provider ARN from the stack account and the issuer, cluster ARN from the stack, API, agent installed', () => {
    const stack = newStack();
    const cluster = IdentityCluster.fromClusterAttributes(stack, 'Eksctl', {
      clusterName: 'eksctl-made', openIdConnectIssuerUrl: `https://${ISSUER_A}`,
    });
    expect(cluster.openIdConnectIssuer).toBe(ISSUER_A);
    expect(cluster.openIdConnectIssuerUrl).toBe(`https://${ISSUER_A}`);
    expect(cluster.openIdConnectProviderArn).toBe(providerArnOf(ISSUER_A));
    expect(resolveIntrinsics(stack.resolve(cluster.clusterArn), deployedValues({}))).toBe(clusterArnOf('eksctl-made'));
    expect(cluster.authenticationMode).toBe(AuthenticationMode.API);
    expect(cluster.autoMode).toBe(false);
    expect(cluster.podIdentityAgent).toBeUndefined();
    expect(cluster.podIdentityUnavailableReason).toBeUndefined();
  });

  test('creates nothing in the template on its own', () => {
    const stack = newStack();
    importedCluster(stack);
    expect(Template.fromStack(stack).toJSON().Resources ?? {}).toEqual({});
  });

  test('pod identity associations name the imported cluster and depend on nothing', () => {
    const stack = newStack();
    const identity = importedCluster(stack).addWorkloadIdentity('Pod', {
      namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY,
    });
    const association = resourceOf(Template.fromStack(stack), identity.association!);
    expect(association.Properties.ClusterName).toBe('imported');
    expect(association.DependsOn).toBeUndefined();
    const conditions = resourceOf(Template.fromStack(stack), identity.role).Properties.AssumeRolePolicyDocument.Statement[0].Condition;
    expect(resolveIntrinsics(conditions.StringEquals, deployedValues({})))
      .toEqual({
        'aws:RequestTag/eks-cluster-arn': clusterArnOf('imported'),
        'aws:RequestTag/kubernetes-namespace': 'default',
        'aws:RequestTag/kubernetes-service-account': 's3-sa',
      });
  });
});

describe('IdentityCluster.fromCluster on an aws-eks-v2 Cluster', () => {
  test('reuses the provider the cluster already has: still exactly one OIDC provider', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack);
    const existing = cluster.openIdConnectProvider;
    const imported = IdentityCluster.fromCluster(stack, 'Identity', cluster);
    const identity = imported.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
    const template = Template.fromStack(stack);
    expect(providers(template)).toEqual([logicalIdOf(existing as any)]);
    expect(stack.resolve(imported.openIdConnectProviderArn)).toEqual(stack.resolve(existing.openIdConnectProviderArn));
    const trust = JSON.stringify(resourceOf(template, identity.role).Properties.AssumeRolePolicyDocument);
    expect(trust).toContain(JSON.stringify(stack.resolve(existing.openIdConnectProviderArn)));
  });

  test('with the native-provider flag, the shared provider is native', () => {
    const app = newApp();
    app.node.setContext(EKS_USE_NATIVE_OIDC_PROVIDER, true);
    const stack = newStack(app);
    const cluster = v2Cluster(stack);
    IdentityCluster.fromCluster(stack, 'Identity', cluster)
      .addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
    cluster.openIdConnectProvider; // asked after: the same provider
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    template.resourceCountIs('Custom::AWSCDKOpenIdConnectProvider', 0);
  });

  test('without a provider, a native one is created for the cluster issuer', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack);
    IdentityCluster.fromCluster(stack, 'Identity', cluster);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      ClientIdList: ['sts.amazonaws.com'],
      Url: { 'Fn::GetAtt': [logicalIdOf(cluster), 'OpenIdConnectIssuerUrl'] },
    });
    expect(Object.values<any>(template.findResources('AWS::IAM::OIDCProvider'))[0].Properties).not.toHaveProperty('ThumbprintList');
  });

  test('a provider asked for later is a second provider: synth error', () => {
    const app = newApp();
    const stack = newStack(app);
    const cluster = v2Cluster(stack);
    IdentityCluster.fromCluster(stack, 'Identity', cluster);
    cluster.openIdConnectProvider;
    expect(() => app.synth()).toThrow(
      'Stack/IdentityOidcProvider: cluster Stack/V2 got a second OIDC provider for the same issuer (Stack/V2/OpenIdConnectProvider). '
      + 'Fix: do not use cluster.openIdConnectProvider next to IdentityCluster.fromCluster, or set the context flag '
      + `${EKS_USE_NATIVE_OIDC_PROVIDER} so both share one native provider`);
  });

  test('adds the eks-pod-identity-agent addon once, and associations depend on it', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack);
    const imported = IdentityCluster.fromCluster(stack, 'Identity', cluster);
    const identity = imported.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
    const template = Template.fromStack(stack);
    expect(agentAddons(template)).toHaveLength(1);
    expect(resourceOf(template, identity.association!).DependsOn).toEqual(agentAddons(template));
  });

  test('does not duplicate an agent addon the cluster already has (added under the cluster)', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack);
    const existing = new eks.Addon(cluster, 'MyAgent', { cluster, addonName: 'eks-pod-identity-agent' });
    const imported = IdentityCluster.fromCluster(stack, 'Identity', cluster);
    const identity = imported.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
    const template = Template.fromStack(stack);
    expect(agentAddons(template)).toEqual([logicalIdOf(existing)]);
    expect(resourceOf(template, identity.association!).DependsOn).toEqual([logicalIdOf(existing)]);
  });

  test('does not duplicate an agent addon the cluster already has (added elsewhere in the stack)', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack);
    const existing = new eks.Addon(stack, 'Agent', { cluster, addonName: 'eks-pod-identity-agent' });
    const imported = IdentityCluster.fromCluster(stack, 'Identity', cluster);
    const identity = imported.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
    const template = Template.fromStack(stack);
    expect(agentAddons(template)).toEqual([logicalIdOf(existing)]);
    expect(resourceOf(template, identity.association!).DependsOn).toEqual([logicalIdOf(existing)]);
  });

  test('does not duplicate the addon aws-eks-v2 created for its own pod identity service account', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack);
    const agent = cluster.eksPodIdentityAgent!;
    IdentityCluster.fromCluster(stack, 'Identity', cluster)
      .addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
    expect(agentAddons(Template.fromStack(stack))).toEqual([logicalIdOf(agent as any)]);
  });

  test('podIdentityAgent: false adds no addon', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack);
    IdentityCluster.fromCluster(stack, 'Identity', cluster, { podIdentityAgent: false });
    expect(agentAddons(Template.fromStack(stack))).toEqual([]);
  });

  test('an Auto Mode cluster gets no addon and is known as Auto Mode', () => {
    const stack = newStack();
    const cluster = v2Cluster(stack, { defaultCapacityType: eks.DefaultCapacityType.AUTOMODE });
    const imported = IdentityCluster.fromCluster(stack, 'Identity', cluster);
    expect(imported.autoMode).toBe(true);
    imported.addWorkloadIdentity('Pod', { namespace: 'default', serviceAccountName: 's3-sa', mode: IdentityMode.POD_IDENTITY });
    expect(agentAddons(Template.fromStack(stack))).toEqual([]);
  });

  test('an imported aws-eks-v2 cluster with a provider uses it', () => {
    const stack = newStack();
    const provider = eks.OidcProviderNative.fromOidcProviderArn(stack, 'P', providerArnOf(ISSUER_A));
    const cluster = eks.Cluster.fromClusterAttributes(stack, 'Ext', { clusterName: 'ext', openIdConnectProvider: provider });
    const imported = IdentityCluster.fromCluster(stack, 'Identity', cluster);
    expect(imported.openIdConnectProviderArn).toBe(providerArnOf(ISSUER_A));
    expect(imported.openIdConnectIssuer).toBe(ISSUER_A);
  });

  test('an imported aws-eks-v2 cluster without a provider needs the issuer', () => {
    const stack = newStack();
    const cluster = eks.Cluster.fromClusterAttributes(stack, 'Ext', { clusterName: 'ext' });
    // Like every check of an import, the error names the path the imported cluster gets.
    expect(() => IdentityCluster.fromCluster(stack, 'Identity', cluster)).toThrow(
      'Stack/Identity: cluster Stack/Ext has no openIdConnectProvider and no issuer was given. '
      + 'Fix: pass openIdConnectIssuerUrl (and openIdConnectProviderArn) to IdentityCluster.fromCluster, or use IdentityCluster.fromClusterAttributes');
    const withIssuer = IdentityCluster.fromCluster(stack, 'Identity2', cluster, { openIdConnectIssuerUrl: `https://${ISSUER_A}` });
    expect(resolveIntrinsics(stack.resolve(withIssuer.openIdConnectProviderArn), deployedValues({}))).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER_A}`);
    expect(withIssuer.openIdConnectIssuer).toBe(ISSUER_A);
  });

  test('no warnings about the cluster', () => {
    const stack = newStack();
    IdentityCluster.fromCluster(stack, 'Identity', v2Cluster(stack));
    Annotations.fromStack(stack).hasNoWarning('/Stack/Identity*', Match.anyValue());
  });
});
