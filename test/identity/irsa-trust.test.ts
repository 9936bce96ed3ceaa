import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { IdentityMode } from '../../src';
import { expectedIrsaStatement, IRSA_AUD } from '../support/expected-trust';
import {
  ACCOUNT, importedCluster, ISSUER_A, ISSUER_B, ISSUER_C, newCluster, newStack, providerArnOf,
} from '../support/fixtures';
import { toPolicyDocument } from '../support/iam-evaluator';
import { deployedValues } from '../support/intrinsics';
import { shared } from '../support/shared';
import { logicalIdOf, resourceOf } from '../support/template-queries';

const AUD = IRSA_AUD;

function irsaStatement(issuer: string, subject: string, wildcard = false) {
  return expectedIrsaStatement(providerArnOf(issuer), issuer, subject, wildcard);
}

describe('IRSA trust with the issuer of a cluster in the same stack (token issuer)', () => {
  const fixture = shared(() => {
    const stack = newStack();
    const cluster = newCluster(stack);
    const identity = cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
    const template = Template.fromStack(stack);
    return { cluster, template, role: resourceOf(template, identity.role) };
  });

  test('the trust document is one Fn::Sub JSON string (no CfnJson, no custom resource)', () => {
    const { template, role } = fixture();
    expect(Object.keys(role.Properties.AssumeRolePolicyDocument)).toEqual(['Fn::Sub']);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'Stack-Cluster-Reader-7475E320',
      AssumeRolePolicyDocument: { 'Fn::Sub': [Match.anyValue(), Match.anyValue()] },
      Description: Match.absent(),
    });
    expect(template.findResources('Custom::AWSCDKCfnJson')).toEqual({});
  });

  test('resolved with the deployed issuer, it is exactly one StringEquals statement on :sub and :aud', () => {
    const { cluster, template, role } = fixture();
    const values = deployedValues(template.toJSON());
    const issuer = values.attributes[`${logicalIdOf(cluster.cluster)}.OpenIdConnectIssuerUrl`].replace('https://', '');
    expect(toPolicyDocument(role.Properties.AssumeRolePolicyDocument, values)).toEqual({
      Version: '2012-10-17',
      Statement: [irsaStatement(issuer, 'system:serviceaccount:default:my-sa')],
    });
  });

  test('the issuer key prefix is the issuer URL without https:// and the principal is the cluster provider, each named once', () => {
    const { cluster, role } = fixture();
    const [body, variables] = role.Properties.AssumeRolePolicyDocument['Fn::Sub'];
    const providerId = logicalIdOf(cluster.openIdConnectProvider as any);
    expect(Object.values(variables)).toHaveLength(2);
    expect(Object.values(variables)).toContainEqual({ Ref: providerId });
    expect(Object.values(variables)).toContainEqual({
      'Fn::Select': [1, { 'Fn::Split': ['https://', { 'Fn::GetAtt': [logicalIdOf(cluster.cluster), 'OpenIdConnectIssuerUrl'] }] }],
    });
    const issuerVariable = Object.keys(variables).find((name) => 'Fn::Select' in variables[name]);
    expect(body).toContain(`"\${${issuerVariable}}:aud":"sts.amazonaws.com"`);
    expect(body).toContain(`"\${${issuerVariable}}:sub":"system:serviceaccount:default:my-sa"`);
  });

  test('snapshot', () => {
    expect(fixture().role).toMatchSnapshot();
  });
});

describe('IRSA trust with a literal issuer (cluster made elsewhere)', () => {
  const fixture = shared(() => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const identity = cluster.addWorkloadIdentity('Reader', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
    const template = Template.fromStack(stack);
    return { identity, template, role: resourceOf(template, identity.role) };
  });

  test('the trust document is a plain object with the literal issuer keys', () => {
    const { template, role } = fixture();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [irsaStatement(ISSUER_A, 'system:serviceaccount:default:my-sa')],
      },
    });
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [irsaStatement(ISSUER_A, 'system:serviceaccount:default:my-sa')],
    });
  });

  test('the role ARN is literal', () => {
    const { identity, role } = fixture();
    expect(identity.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/${role.Properties.RoleName}`);
  });

  test('snapshot', () => {
    expect(fixture().role).toMatchSnapshot();
  });
});

describe('IRSA trust for several clusters', () => {
  const fixture = shared(() => {
    const stack = newStack();
    const a = importedCluster(stack, 'A');
    const b = importedCluster(stack, 'B', { clusterName: 'b', openIdConnectIssuerUrl: `https://${ISSUER_B}` });
    const c = importedCluster(stack, 'C', { clusterName: 'c', openIdConnectIssuerUrl: `https://${ISSUER_C}` });
    const identity = a.addWorkloadIdentity('Shared', {
      namespace: 'apps', serviceAccountName: 'shared', mode: IdentityMode.IRSA, additionalClusters: [b, c],
    });
    const template = Template.fromStack(stack);
    return { identity, template, role: resourceOf(template, identity.role) };
  });

  test('one statement per OIDC provider, each with its own issuer keys', () => {
    const { template, role } = fixture();
    const subject = 'system:serviceaccount:apps:shared';
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [irsaStatement(ISSUER_A, subject), irsaStatement(ISSUER_B, subject), irsaStatement(ISSUER_C, subject)],
      },
    });
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toHaveLength(3);
  });

  test('the service account is written into every cluster', () => {
    expect(fixture().identity.serviceAccounts.map((sa) => sa.node.path)).toEqual([
      'Stack/A/Shared/ServiceAccount', 'Stack/A/Shared/ServiceAccount1', 'Stack/A/Shared/ServiceAccount2',
    ]);
  });

  test('snapshot', () => {
    expect(fixture().role).toMatchSnapshot();
  });

  test('a created cluster and an imported one: Fn::Sub with one statement each', () => {
    const mixedStack = newStack();
    const created = newCluster(mixedStack);
    const imported = importedCluster(mixedStack);
    const mixed = created.addWorkloadIdentity('Mixed', {
      namespace: 'apps', serviceAccountName: 'shared', mode: IdentityMode.IRSA, additionalClusters: [imported],
    });
    const mixedTemplate = Template.fromStack(mixedStack);
    const values = deployedValues(mixedTemplate.toJSON());
    const issuer = values.attributes[`${logicalIdOf(created.cluster)}.OpenIdConnectIssuerUrl`].replace('https://', '');
    const document = toPolicyDocument(resourceOf(mixedTemplate, mixed.role).Properties.AssumeRolePolicyDocument, values);
    expect(document.Statement).toEqual([
      irsaStatement(issuer, 'system:serviceaccount:apps:shared'),
      irsaStatement(ISSUER_A, 'system:serviceaccount:apps:shared'),
    ]);
  });
});

describe('IRSA trust with an explicit wildcard subject', () => {
  const fixture = shared(() => {
    const stack = newStack();
    const cluster = importedCluster(stack);
    const identity = cluster.addWorkloadIdentity('Team', {
      namespace: 'team-*', serviceAccountName: '*', mode: IdentityMode.IRSA, allowWildcardSubject: true,
    });
    return { stack, cluster, identity, role: resourceOf(Template.fromStack(stack), identity.role) };
  });

  test('StringLike on :sub only, StringEquals on :aud', () => {
    const { role } = fixture();
    const statement = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(statement).toEqual([irsaStatement(ISSUER_A, 'system:serviceaccount:team-*:*', true)]);
    expect(statement[0].Condition.StringLike).toEqual({ [`${ISSUER_A}:sub`]: 'system:serviceaccount:team-*:*' });
    expect(statement[0].Condition.StringEquals).toEqual({ [`${ISSUER_A}:aud`]: AUD });
  });

  test('synth warns that every matching service account can assume the role', () => {
    const { stack, identity } = fixture();
    Annotations.fromStack(stack).hasWarning('/Stack/Imported/Team', Match.stringLikeRegexp(
      `IRSA subject system:serviceaccount:team-\\*:\\* is a wildcard: every matching service account can assume ${identity.roleArn}`));
  });

  test('no ServiceAccount object is written for a wildcard', () => {
    const { cluster, identity } = fixture();
    expect(identity.serviceAccounts).toEqual([]);
    expect(cluster.kubernetesObjects.renderManifests()).toEqual([]);
  });

  test('without the opt-in, a wildcard is a bad name', () => {
    const s = newStack();
    const c = importedCluster(s);
    expect(() => c.addWorkloadIdentity('Team', { namespace: 'team-*', serviceAccountName: '*', mode: IdentityMode.IRSA }))
      .toThrow("Stack/Imported/Team: namespace 'team-*' is not a valid Kubernetes namespace name");
  });

  test('a subject without a wildcard does not warn', () => {
    const s = newStack();
    importedCluster(s).addWorkloadIdentity('Plain', { namespace: 'default', serviceAccountName: 'my-sa', mode: IdentityMode.IRSA });
    Annotations.fromStack(s).hasNoWarning('*', Match.anyValue());
  });

  test('snapshot', () => {
    expect(fixture().role).toMatchSnapshot();
  });
});
