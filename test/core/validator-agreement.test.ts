import { App, Aws, Fn } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EksIdentityChecks, IdentityMode } from '../../src';
import { importedCluster, newStack } from '../support/fixtures';

/*
 * One validator per concept: the construct that takes a value (and throws) and the rule that
 * reads it from a template (and reports) call the same core function, so for every input their
 * verdicts agree. A value is a literal, or a literal with a deploy-time prefix (the stack name:
 * a CDK token on the construct side, `Ref AWS::StackName` in the template).
 */

type Input = string | { readonly afterStackName: string; readonly joined?: boolean };

const literal = (input: Input): string => (typeof input === 'string' ? input : `\${AWS::StackName}${input.afterStackName}`);
/** The value on the construct side: the stack name token in a string, or `Fn.join` (one opaque token). */
const cdkValue = (input: Input): string => (typeof input === 'string' ? input
  : input.joined ? Fn.join('', [Aws.STACK_NAME, input.afterStackName]) : `${Aws.STACK_NAME}${input.afterStackName}`);
const templateValue = (input: Input): any => (typeof input === 'string' ? input : { 'Fn::Join': ['', [{ Ref: 'AWS::StackName' }, input.afterStackName]] });

function constructThrows(build: () => unknown): boolean {
  try {
    build();
    return false;
  } catch (e) {
    expect((e as Error).message).toMatch(/^Stack\/[^:]+: .+\. Fix: .+/s);
    return true;
  }
}

function ruleFlags(ruleId: string, resources: { [id: string]: any }, kubernetesManifests: any[] = []): boolean {
  const findings = EksIdentityChecks.checkTemplates([{ stackName: 'S', template: { Resources: resources }, kubernetesManifests }])
    .filter((f) => f.ruleId === ruleId);
  return findings.length > 0;
}

const LONG = 'x'.repeat(64);

describe('role names: WorkloadIdentity roleName and EKSID-IAM-006 agree', () => {
  const cases: Input[] = [
    'app', 'a', LONG, `${LONG}x`, 'with space', 'tab\there', 'slash/role', 'star*', 'q?', 'unicode-é', 'emoji-🙂', 'plus+eq=comma,dot.at@_-',
    '', 'UPPER', 'trailing ', 'dollar$', '{brace}', { afterStackName: '-web' }, { afterStackName: '/web' }, { afterStackName: 'x'.repeat(65) },
    { afterStackName: '/web', joined: true }, { afterStackName: '-web', joined: true },
  ];
  test.each(cases)('%p', (input) => {
    const stack = newStack();
    const thrown = constructThrows(() => importedCluster(stack).addWorkloadIdentity('Id', {
      namespace: 'app', serviceAccountName: 'app', roleName: cdkValue(input),
    }));
    const flagged = ruleFlags('EKSID-IAM-006', { R: { Type: 'AWS::IAM::Role', Properties: { RoleName: templateValue(input), AssumeRolePolicyDocument: { Statement: [] } } } });
    expect({ input: literal(input), verdict: thrown }).toEqual({ input: literal(input), verdict: flagged });
  });
});

const PRINCIPAL = 'arn:aws:iam::123456789012:role/Dev';
const accessEntry = (properties: { [key: string]: any }) => ({
  E: { Type: 'AWS::EKS::AccessEntry', Properties: { ClusterName: 'imported', PrincipalArn: PRINCIPAL, ...properties } },
});

describe('access entry usernames: ClusterAccess and EKSID-ACCESS-002 agree', () => {
  const cases: Input[] = [
    'admin', 'admin:{{SessionName}}', 'sso-user:{{SessionName}}', '{{SessionName}}', 'dev-{{SessionName}}', ':x{{SessionName}}',
    'system:admin', 'System:admin', 'SYSTEM:ADMIN', 'eks:ops', 'EKS:ops', 'aws:x', 'Aws:x', 'amazon:x', 'iam:x', 'IAM:x',
    'systemx:admin', 'my-system:admin', 'eks', 'unicode-ü:{{SessionName}}', 'with space', 'tab\tname', '', 'a'.repeat(300),
    '*', 'admin*', 'system:*', ' system:admin', 'eks:{{SessionName}}',
    { afterStackName: ':admin' }, { afterStackName: '-{{SessionName}}' }, { afterStackName: '-{{SessionName}}', joined: true },
  ];
  test.each(cases)('%p', (input) => {
    const thrown = constructThrows(() => importedCluster(newStack()).grantAccess('X', PRINCIPAL, { username: cdkValue(input) }));
    const flagged = ruleFlags('EKSID-ACCESS-002', accessEntry({ Username: templateValue(input) }));
    expect({ input: literal(input), verdict: thrown }).toEqual({ input: literal(input), verdict: flagged });
  });
});

describe('Kubernetes groups: ClusterAccess, KubernetesGroup and EKSID-ACCESS-001 agree', () => {
  const cases: Input[] = [
    'pod-readers', 'system:masters', 'System:masters', 'system:nodes', 'system:', 'systemx', 'eks:ops', '', 'with space', 'unicode-ä', 'a'.repeat(200),
    '*', 'team-*', 'SYSTEM:MASTERS', 'tab\tgroup',
    { afterStackName: '-readers' },
  ];
  test.each(cases)('%p', (input) => {
    const thrown = constructThrows(() => importedCluster(newStack()).grantAccess('X', PRINCIPAL, { kubernetesGroups: [cdkValue(input)] }));
    const groupThrown = constructThrows(() => importedCluster(newStack()).addKubernetesGroup('G', { group: cdkValue(input), clusterRole: 'view' }));
    const flagged = ruleFlags('EKSID-ACCESS-001', accessEntry({ KubernetesGroups: [templateValue(input)] }));
    expect({ input: literal(input), access: thrown, group: groupThrown }).toEqual({ input: literal(input), access: flagged, group: flagged });
  });
});

describe('principal ARNs: ClusterAccess and EKSID-ACCESS-009 agree', () => {
  const cases: string[] = [
    PRINCIPAL, 'arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:role/development/apps/my-role',
    'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef',
    'arn:aws-cn:iam::123456789012:role/Dev', 'arn:aws-us-gov:iam::123456789012:role/Dev',
    'arn:aws:iam::12345678901:role/Dev', 'arn:aws:iam::1234567890123:role/Dev', 'arn:aws:iam::12345678901a:role/Dev',
    'arn:aws:iam::123456789012:role/*', 'arn:aws:iam::*:role/Dev', 'arn:aws:iam::123456789012:role/De v', ' arn:aws:iam::123456789012:role/Dev',
    'arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:group/devs', 'arn:aws:sts::123456789012:assumed-role/Dev/alice',
    'arn:aws:iam::123456789012:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS', 'xrn:aws:iam::123456789012:role/Dev',
    'arn:awz:iam::123456789012:role/Dev', 'arn:aws:iam:us-east-1:123456789012:role/Dev', 'arn:aws:s3:::bucket', 'Dev', '',
    'arn:aws:iam::123456789012:role/', 'arn:aws:iam::123456789012:role//Dev', `arn:aws:iam::123456789012:role/${'r'.repeat(65)}`,
    'arn:aws:iam::123456789012:role/Dév',
    'ARN:aws:iam::123456789012:role/Dev', 'arn:AWS:iam::123456789012:role/Dev', 'arn:aws:IAM::123456789012:role/Dev',
    'arn:aws:iam::123456789012:Role/Dev', 'arn:aws:iam::123456789012:role/Dev ', 'arn:aws:iam::123456789012:role/Dev?',
  ];
  test.each(cases)('%p', (input) => {
    const thrown = constructThrows(() => importedCluster(newStack()).grantAccess('X', input, { accessPolicies: [] }));
    const flagged = ruleFlags('EKSID-ACCESS-009', accessEntry({ PrincipalArn: input }));
    expect({ input, verdict: thrown }).toEqual({ input, verdict: flagged });
  });
});

describe('namespaces and service account names: KubernetesServiceAccount and EKSID-SA-003 agree', () => {
  const names: string[] = [
    'a', 'app', 'my-app', '0', 'a.b', 'A', 'my_app', '-app', 'app-', 'with space', 'ünïcode', 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(253),
    'x'.repeat(254), '', 'a..b', '.a', 'a.', 'a*', 'app\n',
  ];
  test.each(names)('namespace %p', (input) => {
    const thrown = constructThrows(() => importedCluster(newStack()).addServiceAccount('Sa', { namespace: input, name: 'sa' }));
    const flagged = ruleFlags('EKSID-SA-003', {}, [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: input } }]);
    expect({ input, verdict: thrown }).toEqual({ input, verdict: flagged });
  });
  test.each(names)('service account name %p', (input) => {
    const thrown = constructThrows(() => importedCluster(newStack()).addServiceAccount('Sa', { namespace: 'app', name: input }));
    const flagged = ruleFlags('EKSID-SA-003', {}, [{ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: input, namespace: 'app' } }]);
    expect({ input, verdict: thrown }).toEqual({ input, verdict: flagged });
  });
});

describe('OIDC issuer URLs: fromClusterAttributes and EKSID-IRSA-010 agree (a rule flags what the construct rejects or normalises)', () => {
  const ID = '0123456789ABCDEF0123456789ABCDEF';
  const cases: string[] = [
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}/`,
    `HTTPS://OIDC.EKS.AP-NORTHEAST-2.AMAZONAWS.COM/id/${ID}`, `http://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}`,
    `oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}?x=1`,
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}#frag`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID.toLowerCase()}`,
    'https://oidc.eks.ap-northeast-2.amazonaws.com/id/ABC', '', ' ', 'https://', 'https://token.actions.githubusercontent.com',
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID} `,
    'https://oidc.eks.ap-northeast-2.amazonaws.com/id/ÄBCDEF0123456789ABCDEF0123456789', `https://oidc.eks.*.amazonaws.com/id/${ID}`,
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}*`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${'A'.repeat(300)}`,
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}\t`,
  ];
  test.each(cases)('%p', (input) => {
    let rejectedOrNormalised: boolean;
    try {
      const cluster = importedCluster(newStack(), 'Imported', { openIdConnectIssuerUrl: input, openIdConnectProviderArn: undefined, allowNonEksIssuer: true });
      rejectedOrNormalised = cluster.openIdConnectIssuerUrl !== input;
    } catch (e) {
      expect((e as Error).message).toMatch(/^Stack\/Imported: .+\. Fix: .+/);
      rejectedOrNormalised = true;
    }
    const flagged = ruleFlags('EKSID-IRSA-010', { P: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: input, ClientIdList: ['sts.amazonaws.com'] } } });
    expect({ input, verdict: rejectedOrNormalised }).toEqual({ input, verdict: flagged });
  });
});

describe('a brought role\'s pod identity trust: WorkloadIdentity\'s warning and EKSID-POD-002 agree', () => {
  const statement = (action: any, extra: any = {}) => ({ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: action, ...extra });
  /** [name, statements, whether the trust cannot work (both sides must say so)] */
  const cases: Array<[string, any[], boolean]> = [
    ['both actions', [statement(['sts:AssumeRole', 'sts:TagSession'])], false],
    ['sts:*', [statement('sts:*')], false],
    ['sts:Tag* with sts:AssumeRole', [statement(['sts:AssumeRole', 'sts:Tag*'])], false],
    ['sts:Assume* and sts:T*', [statement(['sts:Assume*', 'sts:T*'])], false],
    ['STS:ASSUMEROLE and sts:tagsession (actions ignore case)', [statement(['STS:ASSUMEROLE', 'sts:tagsession'])], false],
    ['the two actions in two statements', [statement('sts:AssumeRole'), statement('sts:TagSession')], false],
    ['NotAction of everything else', [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, NotAction: 's3:*' }], false],
    ['only sts:AssumeRole', [statement('sts:AssumeRole')], true],
    ['only sts:TagSession', [statement('sts:TagSession')], true],
    ['sts:TagSession denied', [statement('sts:*'), { Effect: 'Deny', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:TagSession' }], true],
    ['another service', [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:*' }], true],
  ];
  const verdicts = (stack: ReturnType<typeof newStack>) => ({
    warned: Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('the role you brought cannot work')).length > 0,
    flagged: EksIdentityChecks.checkTemplates([{ stackName: 'S', template: Template.fromStack(stack).toJSON() }]).some((f) => f.ruleId === 'EKSID-POD-002'),
  });
  test.each(cases)('%s, set on the L1', (_name, statements, cannotWork) => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Brought', { roleName: 'brought', assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com') });
    (role.node.defaultChild as iam.CfnRole).assumeRolePolicyDocument = { Version: '2012-10-17', Statement: statements };
    importedCluster(stack).addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, role });
    expect(verdicts(stack)).toEqual({ warned: cannotWork, flagged: cannotWork });
  });
  test.each(cases)('%s, as a property override after the identity', (_name, statements, cannotWork) => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Brought', { roleName: 'brought', assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com') });
    importedCluster(stack).addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, role });
    (role.node.defaultChild as iam.CfnRole).addPropertyOverride('AssumeRolePolicyDocument.Statement', statements);
    expect(verdicts(stack)).toEqual({ warned: cannotWork, flagged: cannotWork });
  });
});

describe('a brought role\'s IRSA trust: WorkloadIdentity\'s warning and EKSID-SA-001 agree', () => {
  const ISSUER = 'oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
  const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;
  /** [name, conditions, whether the trust cannot work for app/web] */
  const cases: Array<[string, any, boolean]> = [
    ['exact subject and audience', { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:app:web', [`${ISSUER}:aud`]: 'sts.amazonaws.com' } }, false],
    ['another service account', { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:app:other', [`${ISSUER}:aud`]: 'sts.amazonaws.com' } }, true],
    ['the namespace\'s pattern', { StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:app:*' } }, false],
    ['another audience', { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:app:web', [`${ISSUER}:aud`]: 'other' } }, true],
    ['the subject excluded', { StringNotEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:app:web' } }, true],
    ['ForAnyValue', { 'ForAnyValue:StringEquals': { [`${ISSUER}:sub`]: ['system:serviceaccount:app:web'] } }, false],
    ['another namespace', { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:other:web' } }, true],
  ];
  test.each(cases)('%s', (_name, conditions, cannotWork) => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Brought', { roleName: 'brought', assumedBy: new iam.WebIdentityPrincipal(PROVIDER, conditions) });
    importedCluster(stack).addWorkloadIdentity('App', { namespace: 'app', serviceAccountName: 'web', mode: IdentityMode.IRSA, role });
    const warned = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('the role you brought cannot work')).length > 0;
    const assembly = (stack.node.root as App).synth();
    const flagged = new EksIdentityChecks().checkAssembly(assembly.directory).some((f) => f.ruleId === 'EKSID-SA-001');
    expect({ warned, flagged }).toEqual({ warned: cannotWork, flagged: cannotWork });
  });
});
