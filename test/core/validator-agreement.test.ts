import { App, Aws, Fn } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccessEntryType, AccessPolicy, EksIdentityChecks, IdentityCluster, IdentityMode } from '../../src';
import { ACCOUNT, importedCluster, newStack, REGION } from '../support/fixtures';

/*
 * One validator per concept: the construct that takes a value (and throws) and the rule that
 * reads it from a template (and reports) call the same core function, so for every input their
 * verdicts agree. A value is a literal, or a literal with a deploy-time prefix (the stack name:
 * a CDK token on the construct side, `Ref AWS::StackName` in the template).
 */

type Input = string | { readonly beforeStackName?: string; readonly afterStackName: string; readonly joined?: boolean };

const literal = (input: Input): string => (typeof input === 'string' ? input : `${input.beforeStackName ?? ''}\${AWS::StackName}${input.afterStackName}`);
/** The value on the construct side: the stack name token in a string, or `Fn.join` (one opaque token). */
const cdkValue = (input: Input): string => (typeof input === 'string' ? input
  : input.joined ? Fn.join('', [input.beforeStackName ?? '', Aws.STACK_NAME, input.afterStackName])
    : `${input.beforeStackName ?? ''}${Aws.STACK_NAME}${input.afterStackName}`);
const templateValue = (input: Input): any => (typeof input === 'string' ? input
  : { 'Fn::Join': ['', [...(input.beforeStackName ? [input.beforeStackName] : []), { Ref: 'AWS::StackName' }, input.afterStackName]] });

function constructThrows(build: () => unknown): boolean {
  try {
    build();
    return false;
  } catch (e) {
    expect((e as Error).message).toMatch(/^Stack\/[^:]+: .+\. Fix: .+/s);
    return true;
  }
}

/** Whether a rule reports the resources, in a stack of the construct side's account and region (`newStack()`). */
function ruleFlags(ruleId: string, resources: { [id: string]: any }, kubernetesManifests: any[] = []): boolean {
  const findings = EksIdentityChecks.checkTemplates([{ stackName: 'S', template: { Resources: resources }, kubernetesManifests, account: ACCOUNT, region: REGION }])
    .filter((f) => f.ruleId === ruleId);
  return findings.length > 0;
}

const LONG = 'x'.repeat(64);
const ID = '0123456789ABCDEF0123456789ABCDEF';
const ISSUER = `oidc.eks.${REGION}.amazonaws.com/id/${ID}`;

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
    'systemx:admin', 'my-system:admin', 'eks', 'unicode-ü:{{SessionName}}', 'emoji-\u{1F642}', '\u{1F642}', 'with space', 'tab\tname', '', 'a'.repeat(300),
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
    'pod-readers', 'system:masters', 'System:masters', 'system:nodes', 'system:', 'systemx', 'eks:ops', '', 'with space', 'unicode-ä', 'emoji-\u{1F642}', 'a'.repeat(200),
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
    'arn:aws:iam::123456789012:role/Dév', 'arn:aws:iam::123456789012:role/dév/Dev', 'arn:aws:iam::123456789012:role/\u{1F642}/Dev',
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
  const cases: Input[] = [
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}/`,
    `HTTPS://OIDC.EKS.AP-NORTHEAST-2.AMAZONAWS.COM/id/${ID}`, `http://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}`,
    `oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}?x=1`,
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}#frag`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID.toLowerCase()}`,
    'https://oidc.eks.ap-northeast-2.amazonaws.com/id/ABC', '', ' ', 'https://', 'https://token.actions.githubusercontent.com',
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID} `,
    'https://oidc.eks.ap-northeast-2.amazonaws.com/id/ÄBCDEF0123456789ABCDEF0123456789', `https://oidc.eks.*.amazonaws.com/id/${ID}`,
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}*`, `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${'A'.repeat(300)}`,
    `https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}\t`,
    'not a url', ` https://oidc.eks.ap-northeast-2.amazonaws.com/id/${ID}`,
    `https://oidc.eks.us-west-2.amazonaws.com/id/${ID}`,
    // Deploy-time parts: the literal scheme and host are judged.
    { beforeStackName: 'https://oidc.eks.ap-northeast-2.amazonaws.com/id/', afterStackName: '' },
    { beforeStackName: 'https://oidc.eks.us-west-2.amazonaws.com/id/', afterStackName: '' },
    { beforeStackName: 'https://oidc.eks.us-west-2.amazonaws.com/id/', afterStackName: '', joined: true },
    { beforeStackName: 'https://oidc.eks.ap-northeast-2.amazonaws.com/other/', afterStackName: '' },
    { beforeStackName: 'https://token.actions.githubusercontent.com/', afterStackName: '' },
    { beforeStackName: 'http://', afterStackName: '/id/x' }, { beforeStackName: 'https://', afterStackName: '/id/x' },
    { beforeStackName: 'https://oidc.eks.', afterStackName: '.amazonaws.com/id/x' }, { beforeStackName: 'oidc.eks.', afterStackName: '.amazonaws.com/id/x' },
    { afterStackName: '/id/x' },
  ];
  test.each(cases)('%p', (input) => {
    let rejectedOrNormalised: boolean;
    try {
      const cluster = importedCluster(newStack(), 'Imported', { openIdConnectIssuerUrl: cdkValue(input), openIdConnectProviderArn: undefined, allowNonEksIssuer: true });
      rejectedOrNormalised = cluster.openIdConnectIssuerUrl !== cdkValue(input);
    } catch (e) {
      expect((e as Error).message).toMatch(/^Stack\/Imported: .+\. Fix: .+/);
      rejectedOrNormalised = true;
    }
    const flagged = ruleFlags('EKSID-IRSA-010', { P: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: templateValue(input), ClientIdList: ['sts.amazonaws.com'] } } });
    expect({ input: literal(input), verdict: rejectedOrNormalised }).toEqual({ input: literal(input), verdict: flagged });
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
  const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`;
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


/** A role whose trust lets a Federated principal's tokens with a subject in (`StringLike` for a pattern), audience sts.amazonaws.com. */
function irsaRole(federated: any, subject: string, pattern: boolean): any {
  const sub = { [`${ISSUER}:sub`]: subject };
  const aud = { [`${ISSUER}:aud`]: 'sts.amazonaws.com' };
  const statement = {
    Effect: 'Allow',
    Principal: { Federated: federated },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: pattern ? { StringLike: sub, StringEquals: aud } : { StringEquals: { ...sub, ...aud } },
  };
  return { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [statement] } } };
}

describe('OIDC provider ARNs: fromClusterAttributes and EKSID-IRSA-013 agree', () => {
  const cases: Input[] = [
    `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`, `arn:aws:iam:us-east-1:${ACCOUNT}:oidc-provider/${ISSUER}`,
    `arn:aws-cn:iam::${ACCOUNT}:oidc-provider/${ISSUER}`, `arn:awz:iam::${ACCOUNT}:oidc-provider/${ISSUER}`,
    `arn:aws:iam::210987654321:oidc-provider/${ISSUER}`, `arn:aws:iam::12345:oidc-provider/${ISSUER}`, `arn:aws:iam::${ACCOUNT}:role/Dev`,
    `arn:aws:iam::${ACCOUNT}:oidc-provider/`, `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER} `, 'oidc-provider', ISSUER,
    { beforeStackName: 'arn:aws:iam::', afterStackName: `:oidc-provider/${ISSUER}` },
    { beforeStackName: 'arn:aws:iam:us-east-1:', afterStackName: `:oidc-provider/${ISSUER}` },
    { beforeStackName: `arn:aws:iam::${ACCOUNT}:oidc-provider/`, afterStackName: '', joined: true },
  ];
  test.each(cases)('%p', (input) => {
    const thrown = constructThrows(() => importedCluster(newStack(), 'Imported', { openIdConnectIssuerUrl: `https://${ISSUER}`, openIdConnectProviderArn: cdkValue(input) }));
    const flagged = ruleFlags('EKSID-IRSA-013', { R: irsaRole(templateValue(input), 'system:serviceaccount:app:web', false) });
    expect({ input: literal(input), verdict: thrown }).toEqual({ input: literal(input), verdict: flagged });
  });
});

describe('pod identity target role ARNs: WorkloadIdentity targetRoleArn and EKSID-POD-015 agree', () => {
  const cases: Input[] = [
    'arn:aws:iam::210987654321:role/data', 'arn:aws:iam::210987654321:role/teams/data', 'arn:aws:iam::210987654321:user/alice',
    'arn:aws:iam::210987654321:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS', 'arn:aws-cn:iam::210987654321:role/data',
    'arn:aws:iam:us-east-1:210987654321:role/data', 'data-role', 'arn:aws:iam::210987654321:role/*', 'arn:aws:s3:::bucket',
    { beforeStackName: 'arn:aws:iam::210987654321:role/', afterStackName: '-data' },
    { beforeStackName: 'arn:aws:iam::210987654321:role/aws-service-role/x/', afterStackName: '' },
  ];
  test.each(cases)('%p', (input) => {
    const thrown = constructThrows(() => importedCluster(newStack()).addWorkloadIdentity('Id', {
      namespace: 'app', serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY, roleName: 'app', targetRoleArn: cdkValue(input),
    }));
    const flagged = ruleFlags('EKSID-POD-015', {
      A: {
        Type: 'AWS::EKS::PodIdentityAssociation',
        Properties: { ClusterName: 'imported', Namespace: 'app', ServiceAccount: 'app', RoleArn: 'arn:aws:iam::123456789012:role/app', TargetRoleArn: templateValue(input) },
      },
    });
    expect({ input: literal(input), verdict: thrown }).toEqual({ input: literal(input), verdict: flagged });
  });
});

describe('IRSA subjects: WorkloadIdentity names and EKSID-IRSA-012 agree', () => {
  const cases: Array<[string, string, boolean]> = [
    ['app', 'web', false], ['App', 'web', false], ['app', 'Web', false], ['a:b', 'web', false], ['', 'web', false], ['app', '', false],
    ['app', 'my_sa', false], ['app', 'job-*', false], ['app', 'job-*', true], ['team-*', '*', true], ['*', '*', true], ['team-?', 'Web*', true],
    ['n'.repeat(64), 'web', false], ['app', 'a..b', false],
  ];
  test.each(cases)('%p/%p (wildcards: %p)', (namespace, name, wildcard) => {
    const thrown = constructThrows(() => importedCluster(newStack()).addWorkloadIdentity('Id', {
      namespace, serviceAccountName: name, mode: IdentityMode.IRSA, allowWildcardSubject: wildcard,
    }));
    const flagged = ruleFlags('EKSID-IRSA-012', { R: irsaRole(`arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`, `system:serviceaccount:${namespace}:${name}`, wildcard) });
    expect({ subject: `${namespace}/${name}`, verdict: thrown }).toEqual({ subject: `${namespace}/${name}`, verdict: flagged });
  });
});

describe('access policies on node entries: ClusterAccess and EKSID-ACCESS-004 agree', () => {
  const types = ['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'HYBRID_LINUX', 'HYPERPOD_LINUX', 'EC2'];
  test.each(types)('%s', (type) => {
    const role = `arn:aws:iam::${ACCOUNT}:role/nodes`;
    const thrown = constructThrows(() => importedCluster(newStack()).grantAccess('X', role, { type: type as AccessEntryType, accessPolicies: [AccessPolicy.view()] }));
    const flagged = ruleFlags('EKSID-ACCESS-004', accessEntry({
      PrincipalArn: role, Type: type, AccessPolicies: [{ PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', AccessScope: { Type: 'cluster' } }],
    }));
    expect({ type, verdict: thrown }).toEqual({ type, verdict: flagged });
  });
});

describe('Fargate namespaces: POD_IDENTITY in a Fargate namespace and EKSID-POD-011 agree (one wildcard matcher)', () => {
  const cases: Array<[string, string]> = [
    ['batch', 'batch'], ['batch', 'batches'], ['team-*', 'team-a'], ['team-*', 'team'], ['b?tch', 'batch'], ['b?tch', 'bach'], ['*', 'anything'],
    ['*-jobs', 'nightly-jobs'], ['app', 'apps'],
  ];
  test.each(cases)('selector %p, namespace %p', (selector, namespace) => {
    const thrown = constructThrows(() => importedCluster(newStack(), 'Imported', { fargateNamespaces: [selector] }).addWorkloadIdentity('Id', {
      namespace, serviceAccountName: 'app', mode: IdentityMode.POD_IDENTITY,
    }));
    const flagged = ruleFlags('EKSID-POD-011', {
      A: { Type: 'AWS::EKS::PodIdentityAssociation', Properties: { ClusterName: 'imported', Namespace: namespace, ServiceAccount: 'app', RoleArn: 'arn:aws:iam::123456789012:role/app' } },
      F: { Type: 'AWS::EKS::FargateProfile', Properties: { ClusterName: 'imported', PodExecutionRoleArn: 'arn:aws:iam::123456789012:role/fargate', Selectors: [{ Namespace: selector }] } },
    });
    expect({ selector, namespace, verdict: thrown }).toEqual({ selector, namespace, verdict: flagged });
  });
});

describe('RBAC risks: KubernetesGroup\'s warnings and EKSID-RBAC-001/002 agree', () => {
  const warned = (stack: any) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('Kubernetes group')).length > 0;
  const rules: Array<[string, { apiGroups?: string[]; resources: string[]; verbs: string[] }, string | undefined]> = [
    ['escalate on rbac roles', { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['escalate'] }, undefined],
    ['escalate on roles of another API group', { apiGroups: ['example.com'], resources: ['roles'], verbs: ['escalate'] }, undefined],
    ['bind on every API group', { apiGroups: ['*'], resources: ['clusterroles'], verbs: ['bind'] }, undefined],
    ['bind in the core group', { resources: ['roles'], verbs: ['bind'] }, undefined],
    ['* on widgets of example.com', { apiGroups: ['example.com'], resources: ['widgets'], verbs: ['*'] }, undefined],
    ['* on rbac roles', { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['*'] }, undefined],
    ['impersonate users', { resources: ['users'], verbs: ['impersonate'] }, undefined],
    ['everything cluster-wide', { apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, undefined],
    ['everything in a namespace', { apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, 'app'],
    ['get pods', { resources: ['pods'], verbs: ['get'] }, undefined],
  ];
  test.each(rules)('%s', (_name, rule, namespace) => {
    const stack = newStack();
    importedCluster(stack).addKubernetesGroup('G', { group: 'ops', rules: [rule], ...(namespace ? { namespace } : {}) });
    const kind = namespace ? 'Role' : 'ClusterRole';
    const flagged = ruleFlags('EKSID-RBAC-001', {}, [{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind,
      metadata: { name: 'ops', ...(namespace ? { namespace } : {}) },
      rules: [{ apiGroups: rule.apiGroups ?? [''], resources: rule.resources, verbs: rule.verbs }],
    }]);
    expect({ rule: _name, verdict: warned(stack) }).toEqual({ rule: _name, verdict: flagged });
  });
  const bindings: Array<[string, string | undefined]> = [['cluster-admin', undefined], ['cluster-admin', 'app'], ['admin', undefined], ['view', 'app']];
  test.each(bindings)('a binding to %p in namespace %p', (clusterRole, namespace) => {
    const stack = newStack();
    importedCluster(stack).addKubernetesGroup('G', { group: 'ops', clusterRole, ...(namespace ? { namespace } : {}) });
    const flagged = ruleFlags('EKSID-RBAC-002', {}, [{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding',
      metadata: { name: `ops-${clusterRole}`, ...(namespace ? { namespace } : {}) },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
      subjects: [{ kind: 'Group', name: 'ops' }],
    }]);
    expect({ clusterRole, namespace, verdict: warned(stack) }).toEqual({ clusterRole, namespace, verdict: flagged });
  });
});

describe('the hidden cluster admin: IdentityCluster / fromCluster warnings and EKSID-ACCESS-013 agree', () => {
  const settings: Array<[string, boolean | undefined]> = [['IdentityCluster', undefined], ['IdentityCluster', true], ['IdentityCluster', false],
    ['fromCluster', undefined], ['fromCluster', true], ['fromCluster', false]];
  test.each(settings)('%s with bootstrapClusterCreatorAdminPermissions %p', (how, setting) => {
    const stack = newStack();
    const props = {
      version: eks.KubernetesVersion.V1_33,
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      defaultCapacity: 0,
      ...(setting !== undefined ? { bootstrapClusterCreatorAdminPermissions: setting } : {}),
    };
    if (how === 'IdentityCluster') new IdentityCluster(stack, 'Cluster', { ...props, admins: [`arn:aws:iam::${ACCOUNT}:role/Admin`] });
    else IdentityCluster.fromCluster(stack, 'Wrapped', new eks.Cluster(stack, 'Cluster', props));
    const warned = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('hidden cluster admin')).length > 0;
    const flagged = EksIdentityChecks.checkTemplates([{ stackName: 'S', template: Template.fromStack(stack).toJSON() }]).some((f) => f.ruleId === 'EKSID-ACCESS-013');
    expect({ how, setting, verdict: warned }).toEqual({ how, setting, verdict: flagged });
  });
});
