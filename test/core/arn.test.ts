import {
  accountProblem, formatOidcProviderArn, formatRoleArn, parseArn, parseIamArn, PARTITIONS, partitionOfRegion, principalArnProblem,
  principalKey, roleArnOfSession, roleArnProblem, roleNameOfArn, withoutRolePath,
} from '../../src/core/arn';

/*
 * ARNs: parsing, and the one validator of principal and role ARNs that the constructs, the aws-auth
 * planner and the rule pack share. Each problem is asserted with its whole message and fix.
 */

const ACCOUNT = '123456789012';
const TOKEN = '${Token[AWS.AccountId.7]}';
const ROLE_OR_USER_FIX = 'give the ARN of an IAM role (arn:aws:iam::<account>:role/[<path>/]<name>) or user (arn:aws:iam::<account>:user/<name>)';
const ROLE_FIX = 'give the ARN of an IAM role, arn:aws:iam::<account>:role/[<path>/]<name>';
const NAME_FIX = 'use 1-64 characters of letters, digits and + = , . @ _ -';
const PATH_FIX = 'write the path as IAM shows it, e.g. role/development/apps/my-role';

describe('parseArn', () => {
  test('the six parts, the resource keeping its colons and slashes', () => {
    expect(parseArn(`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/eks:*`)).toEqual({
      partition: 'aws', service: 'logs', region: 'us-east-1', account: ACCOUNT, resource: 'log-group:/aws/eks:*',
    });
    expect(parseArn(`arn:aws:iam::${ACCOUNT}:`)).toEqual({ partition: 'aws', service: 'iam', region: '', account: ACCOUNT, resource: '' });
  });

  test('deploy-time parts stay whole, colons and all', () => {
    expect(parseArn('arn:${Ref:AWS::Partition}:iam::${Ref:AWS::AccountId}:role/x')).toEqual({
      partition: '${Ref:AWS::Partition}', service: 'iam', region: '', account: '${Ref:AWS::AccountId}', resource: 'role/x',
    });
  });

  test.each(['', 'role/x', `arn:aws:iam::${ACCOUNT}`, `xrn:aws:iam::${ACCOUNT}:role/x`, `ARN:aws:iam::${ACCOUNT}:role/x`, `:aws:iam::${ACCOUNT}:role/x`])('%p is not an ARN', (text) => {
    expect(parseArn(text)).toBeUndefined();
  });
});

describe('parseIamArn', () => {
  test.each<[string, object]>([
    [`arn:aws:iam::${ACCOUNT}:root`, { resourceType: 'root', path: '/', name: '', resourceName: '' }],
    [`arn:aws:iam::${ACCOUNT}:role/Admin`, { resourceType: 'role', path: '/', name: 'Admin', resourceName: 'Admin' }],
    [`arn:aws:iam::${ACCOUNT}:role/a/b/Admin`, { resourceType: 'role', path: '/a/b/', name: 'Admin', resourceName: 'a/b/Admin' }],
    [`arn:aws:iam::${ACCOUNT}:role/`, { resourceType: 'role', path: '/', name: '', resourceName: '' }],
    [`arn:aws:sts::${ACCOUNT}:assumed-role/Dev/alice`, { resourceType: 'assumed-role', path: '/Dev/', name: 'alice', resourceName: 'Dev/alice' }],
    [`arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/AB`,
      { resourceType: 'oidc-provider', path: '/oidc.eks.us-east-1.amazonaws.com/id/', name: 'AB', resourceName: 'oidc.eks.us-east-1.amazonaws.com/id/AB' }],
  ])('%s', (arn, parts) => {
    expect(parseIamArn(arn)).toEqual({ ...parseArn(arn), ...parts });
  });

  test('not an ARN', () => {
    expect(parseIamArn('role/Admin')).toBeUndefined();
  });
});

test.each([
  ['cn-north-1', 'aws-cn'], ['us-gov-west-1', 'aws-us-gov'], ['us-isob-east-1', 'aws-iso-b'], ['us-isof-south-1', 'aws-iso-f'],
  ['us-iso-east-1', 'aws-iso'], ['eu-isoe-west-1', 'aws-iso-e'], ['eusc-de-east-1', 'aws-eusc'], ['us-east-1', 'aws'], ['ap-northeast-2', 'aws'],
  ['xcn-1', 'aws'], ['x-us-gov-1', 'aws'], ['x-us-isob-1', 'aws'], ['x-us-isof-1', 'aws'], ['x-us-iso-1', 'aws'], ['x-eu-isoe-1', 'aws'], ['x-eusc-1', 'aws'],
])('the partition of region %s is %s', (region, partition) => {
  expect(partitionOfRegion(region)).toBe(partition);
});

describe('accountProblem', () => {
  test.each([ACCOUNT, '000000000000', TOKEN, `12${TOKEN}`])('%p is an account id, or not known', (account) => {
    expect(accountProblem(account, 'the thing')).toBeUndefined();
  });

  test.each(['12345678901', '1234567890123', 'abcdefghijkl', ' 12345678901', '12345678901 ', '', '12345678901a'])('%p is not', (account) => {
    expect(accountProblem(account, 'the thing')).toEqual({
      problem: `the thing has account '${account}', which is not a 12-digit account id`,
      fix: 'write the 12-digit account id (leading zeros included)',
    });
  });
});

describe('principalArnProblem', () => {
  test.each([
    `arn:aws:iam::${ACCOUNT}:role/Admin`,
    `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef`,
    `arn:aws:iam::${ACCOUNT}:user/alice`,
    `arn:aws:iam::${ACCOUNT}:user/aws-service-role/alice`,
    `arn:aws:iam::${ACCOUNT}:role/${'r'.repeat(64)}`,
    `arn:aws:iam::${ACCOUNT}:role/a+b=c,d.e@f_g-h`,
    `arn:aws:iam::${ACCOUNT}:role/x/aws-service-role`,
    `arn:aws:iam::${ACCOUNT}:role/x/aws-service-role/Admin`,
    ...PARTITIONS.map((partition) => `arn:${partition}:iam::${ACCOUNT}:role/Admin`),
    'arn:${Ref:AWS::Partition}:iam::${Ref:AWS::AccountId}:role/Admin',
    `arn:aws:iam:\${Ref:AWS::Region}:${ACCOUNT}:role/Admin`,
    `arn:aws:iam::${ACCOUNT}:role/\${Ref:Name}`,
    TOKEN,
    '${GetAtt:Role.Arn}',
  ])('%s is an IAM principal (or not known at synth)', (arn) => {
    expect(principalArnProblem(arn)).toBeUndefined();
  });

  test.each<[string, string, string]>([
    ['role/Admin', "principal 'role/Admin' is not an ARN", ROLE_OR_USER_FIX],
    [`xrn:aws:iam::${ACCOUNT}:role/Admin`, `principal 'xrn:aws:iam::${ACCOUNT}:role/Admin' is not an ARN`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/Ad min`, `principal 'arn:aws:iam::${ACCOUNT}:role/Ad min' contains " " (whitespace); an ARN of one principal has no whitespace and no wildcard`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/*`, `principal 'arn:aws:iam::${ACCOUNT}:role/*' contains "*"; an ARN of one principal has no whitespace and no wildcard`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/Admin?`, `principal 'arn:aws:iam::${ACCOUNT}:role/Admin?' contains "?"; an ARN of one principal has no whitespace and no wildcard`, ROLE_OR_USER_FIX],
    [`arn:amazon:iam::${ACCOUNT}:role/Admin`,
      `principal 'arn:amazon:iam::${ACCOUNT}:role/Admin' has partition 'amazon', which is not an AWS partition (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)`,
      'use the partition of the account, e.g. arn:aws:...'],
    [`arn:aws:sts::${ACCOUNT}:assumed-role/Developer/alice`,
      `principal 'arn:aws:sts::${ACCOUNT}:assumed-role/Developer/alice' is an STS assumed-role session ARN; sessions are not IAM principals and cannot have access entries`,
      `use the role ARN arn:aws:iam::${ACCOUNT}:role/Developer (arn:aws:iam::<acct>:role/[<path>/]<name>)`],
    [`arn:aws:sts::${ACCOUNT}:federated-user/bob`, `principal 'arn:aws:sts::${ACCOUNT}:federated-user/bob' is not an IAM role or user ARN`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:assumed-role/Developer/alice`, `principal 'arn:aws:iam::${ACCOUNT}:assumed-role/Developer/alice' is not an IAM role or user ARN`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:group/admins`, `principal 'arn:aws:iam::${ACCOUNT}:group/admins' is not an IAM role or user ARN`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:root`, `principal 'arn:aws:iam::${ACCOUNT}:root' is not an IAM role or user ARN`, ROLE_OR_USER_FIX],
    [`arn:aws:s3:::${ACCOUNT}:role/x`, `principal 'arn:aws:s3:::${ACCOUNT}:role/x' is not an IAM role or user ARN`, ROLE_OR_USER_FIX],
    [`arn:aws:iam:us-east-1:${ACCOUNT}:role/Admin`, `principal 'arn:aws:iam:us-east-1:${ACCOUNT}:role/Admin' has a region ('us-east-1'); IAM ARNs have none`, 'write arn:<partition>:iam::<account>:...'],
    [`arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`,
      `principal 'arn:aws:iam::${ACCOUNT}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS' is a service-linked role, which cannot have an access entry`,
      'give the ARN of an IAM role or user you manage'],
    ['arn:aws:iam::12345:role/Admin', "principal 'arn:aws:iam::12345:role/Admin' has account '12345', which is not a 12-digit account id", 'write the 12-digit account id (leading zeros included)'],
    ['arn:aws:iam::aws:role/Admin', "principal 'arn:aws:iam::aws:role/Admin' has account 'aws', which is not a 12-digit account id", 'write the 12-digit account id (leading zeros included)'],
    [`arn:aws:iam::${ACCOUNT}:role/`, `principal 'arn:aws:iam::${ACCOUNT}:role/' has no role name`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:user`, `principal 'arn:aws:iam::${ACCOUNT}:user' has no user name`, ROLE_OR_USER_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/${'r'.repeat(65)}`, `the role name in principal 'arn:aws:iam::${ACCOUNT}:role/${'r'.repeat(65)}' '${'r'.repeat(65)}' is 65 characters long (IAM allows at most 64)`, NAME_FIX],
    [`arn:aws:iam::${ACCOUNT}:user/al#ice`, `the user name in principal 'arn:aws:iam::${ACCOUNT}:user/al#ice' 'al#ice' contains "#", which IAM does not allow in role names`, NAME_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/a//Admin`, `principal 'arn:aws:iam::${ACCOUNT}:role/a//Admin' has an empty path segment`, PATH_FIX],
    // A character outside the Basic Multilingual Plane is one character: named once, by the part that cannot hold it.
    [`arn:aws:iam::${ACCOUNT}:role/\u{1F600}`, `the role name in principal 'arn:aws:iam::${ACCOUNT}:role/\u{1F600}' '\u{1F600}' contains "\u{1F600}", which IAM does not allow in role names`, NAME_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/team-\u{1F600}/Admin`, `the path in principal 'arn:aws:iam::${ACCOUNT}:role/team-\u{1F600}/Admin' '/team-\u{1F600}/' contains "\u{1F600}"`, PATH_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/caf\u00E9/Admin`, `the path in principal 'arn:aws:iam::${ACCOUNT}:role/caf\u00E9/Admin' '/caf\u00E9/' contains "\u00E9"`, PATH_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/\u{1F600} x`, `principal 'arn:aws:iam::${ACCOUNT}:role/\u{1F600} x' contains " " (whitespace); an ARN of one principal has no whitespace and no wildcard`, ROLE_OR_USER_FIX],
  ])('%s', (arn, problem, fix) => {
    expect(principalArnProblem(arn)).toEqual({ problem, fix });
  });

  test('the value is named as the caller says', () => {
    expect(principalArnProblem('x', 'PrincipalArn')?.problem).toBe("PrincipalArn 'x' is not an ARN");
  });

  test('a deploy-time path is not judged for empty segments', () => {
    expect(principalArnProblem(`arn:aws:iam::${ACCOUNT}:role/\${Ref:P}//Admin`)).toBeUndefined();
  });
});

describe('roleArnProblem', () => {
  test.each([
    `arn:aws:iam::${ACCOUNT}:role/Admin`,
    `arn:aws:iam::${ACCOUNT}:role/a/b/Admin`,
    `arn:aws:iam:\${Ref:AWS::Region}:${ACCOUNT}:role/Admin`,
    `arn:aws:iam::${TOKEN}:role/Admin`,
    TOKEN,
  ])('%s is a role ARN (or not known at synth)', (arn) => {
    expect(roleArnProblem(arn)).toBeUndefined();
  });

  test.each<[string, string, string]>([
    ['Admin', "role ARN 'Admin' is not an ARN", ROLE_FIX],
    [`arn:aws:iam::${ACCOUNT}:role/Ad min`, `role ARN 'arn:aws:iam::${ACCOUNT}:role/Ad min' contains " " (whitespace); an ARN of one principal has no whitespace and no wildcard`, ROLE_FIX],
    [`arn:aws:iam::${ACCOUNT}:user/alice`, `role ARN 'arn:aws:iam::${ACCOUNT}:user/alice' is not an IAM role ARN`, ROLE_FIX],
    [`arn:aws:sts::${ACCOUNT}:role/Admin`, `role ARN 'arn:aws:sts::${ACCOUNT}:role/Admin' is not an IAM role ARN`, ROLE_FIX],
    [`arn:aws:iam:us-east-1:${ACCOUNT}:role/Admin`, `role ARN 'arn:aws:iam:us-east-1:${ACCOUNT}:role/Admin' is not an IAM role ARN`, ROLE_FIX],
    ['arn:aws:iam::1234:role/Admin', "role ARN 'arn:aws:iam::1234:role/Admin' has account '1234', which is not a 12-digit account id", 'write the 12-digit account id (leading zeros included)'],
    [`arn:aws:iam::${ACCOUNT}:role/`, `role ARN 'arn:aws:iam::${ACCOUNT}:role/' has no role name`, ROLE_OR_USER_FIX],
  ])('%s', (arn, problem, fix) => {
    expect(roleArnProblem(arn)).toEqual({ problem, fix });
  });

  test('the value is named as the caller says', () => {
    expect(roleArnProblem('x', 'targetRoleArn')?.problem).toBe("targetRoleArn 'x' is not an ARN");
  });
});

describe('building and reducing ARNs', () => {
  test('formatRoleArn and formatOidcProviderArn', () => {
    expect(formatRoleArn('aws-cn', ACCOUNT, 'Admin')).toBe(`arn:aws-cn:iam::${ACCOUNT}:role/Admin`);
    expect(formatRoleArn('aws', ACCOUNT, 'Admin', '/a/b/')).toBe(`arn:aws:iam::${ACCOUNT}:role/a/b/Admin`);
    expect(formatOidcProviderArn('aws', ACCOUNT, 'oidc.eks.us-east-1.amazonaws.com/id/AB')).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/AB`);
  });

  test('roleArnOfSession', () => {
    expect(roleArnOfSession(parseIamArn(`arn:aws-cn:sts::${ACCOUNT}:assumed-role/Dev/alice`)!)).toBe(`arn:aws-cn:iam::${ACCOUNT}:role/Dev`);
  });

  test.each([
    [`arn:aws:iam::${ACCOUNT}:role/a/b/Admin`, `arn:aws:iam::${ACCOUNT}:role/Admin`],
    [`arn:aws-cn:iam::${ACCOUNT}:role/x/Admin`, `arn:aws-cn:iam::${ACCOUNT}:role/Admin`],
    [`arn:aws:iam::${ACCOUNT}:role/Admin`, `arn:aws:iam::${ACCOUNT}:role/Admin`],
    [`arn:aws:iam::${ACCOUNT}:user/a/alice`, `arn:aws:iam::${ACCOUNT}:user/a/alice`],
    [`arn:aws:sts::${ACCOUNT}:role/a/Admin`, `arn:aws:sts::${ACCOUNT}:role/a/Admin`],
    ['not an arn', 'not an arn'],
    [TOKEN, TOKEN],
  ])('withoutRolePath(%s) is %s', (arn, reduced) => {
    expect(withoutRolePath(arn)).toBe(reduced);
  });

  test.each([
    [`arn:aws:iam::${ACCOUNT}:role/a/Admin`, 'Admin'],
    [`arn:aws:iam::${ACCOUNT}:role/`, undefined],
    [`arn:aws:iam::${ACCOUNT}:user/Admin`, undefined],
    [`arn:aws:iam::${ACCOUNT}:role/\${Ref:Name}`, undefined],
    ['Admin', undefined],
  ])('roleNameOfArn(%s) is %p', (arn, name) => {
    expect(roleNameOfArn(arn)).toBe(name);
  });

  test('principalKey: known ARNs compare in any case, deploy-time ones as written', () => {
    expect(principalKey(`arn:aws:iam::${ACCOUNT}:role/Admin`)).toBe(`arn:aws:iam::${ACCOUNT}:role/admin`);
    expect(principalKey('arn:aws:iam::${Ref:AWS::AccountId}:role/Admin')).toBe('arn:aws:iam::${Ref:AWS::AccountId}:role/Admin');
  });
});
