import { checkIssuerUrl, issuerOfUrl, oidcProviderArnProblem } from '../../src/core/oidc-issuer';

/*
 * OIDC issuer URLs and IAM OIDC provider ARNs: normalised and judged once, for imported clusters and
 * the rule pack alike. Every verdict is asserted whole.
 */

const ID = '0123456789ABCDEF0123456789ABCDEF';
const ISSUER = `oidc.eks.us-east-1.amazonaws.com/id/${ID}`;
const URL = `https://${ISSUER}`;
const WHERE = 'aws eks describe-cluster --name <cluster> --query cluster.identity.oidc.issuer --output text';
const DEFAULT_FIX = `give the cluster's issuer URL, https://oidc.eks.<region>.amazonaws.com/id/<id> (${WHERE})`;
const failed = (given: string, problem: string, fix = DEFAULT_FIX) => ({ url: given, eks: false, normalized: [], problem: { problem, fix } });

describe('checkIssuerUrl: EKS issuers', () => {
  test('an EKS issuer as EKS reports it', () => {
    expect(checkIssuerUrl(URL)).toEqual({ url: URL, issuer: ISSUER, region: 'us-east-1', eks: true, normalized: [] });
  });

  test('an EKS issuer in China', () => {
    const url = `https://oidc.eks.cn-north-1.amazonaws.com.cn/id/${ID}`;
    expect(checkIssuerUrl(url)).toEqual({ url, issuer: url.slice(8), region: 'cn-north-1', eks: true, normalized: [] });
  });

  test.each<[string, string[]]>([
    [`${URL}/`, ["the trailing '/' removed"]],
    [`${URL}///`, ["the trailing '/' removed"]],
    [`HTTPS://${ISSUER}`, ['scheme and host written in lower case']],
    [`https://OIDC.EKS.US-EAST-1.AMAZONAWS.COM/id/${ID}/`, ['scheme and host written in lower case', "the trailing '/' removed"]],
  ])('%s is normalised', (given, normalized) => {
    expect(checkIssuerUrl(given)).toEqual({ url: URL, issuer: ISSUER, region: 'us-east-1', eks: true, normalized });
  });

  test('in the stack\'s region, or a stack whose region is not known', () => {
    expect(checkIssuerUrl(URL, { expectedRegion: 'us-east-1' }).problem).toBeUndefined();
    expect(checkIssuerUrl(URL, { expectedRegion: '${Token[AWS.Region.4]}' }).problem).toBeUndefined();
  });

  test('in another region than the stack\'s', () => {
    expect(checkIssuerUrl(URL, { expectedRegion: 'eu-west-1' })).toEqual(failed(URL,
      `openIdConnectIssuerUrl '${URL}' is the issuer of a cluster in us-east-1, but the stack is in eu-west-1`,
      'import the cluster into a stack of its region (pod identity and the cluster ARN are regional), or give the issuer of the cluster in this region'));
  });

  test.each([
    `https://oidc.eks.us-east-1.amazonaws.com/id/${ID.toLowerCase()}`,
    `https://oidc.eks.us-east-1.amazonaws.com/id/${ID}0`,
    `https://oidc.eks.us-east-1.amazonaws.com/id/${ID.slice(1)}`,
    `https://oidc.eks.cn-north-1.amazonaws.com.cn/id/${ID.slice(1)}`,
  ])('%s looks like an EKS issuer with a wrong id', (given) => {
    expect(checkIssuerUrl(given)).toEqual(failed(given,
      `openIdConnectIssuerUrl '${given}' looks like an EKS issuer but its id is not 32 upper-case hexadecimal characters`,
      `copy the issuer exactly as EKS reports it (${WHERE})`));
  });
});

describe('checkIssuerUrl: other issuers', () => {
  const NOT_EKS_FIX = `give the EKS cluster's issuer (${WHERE}), or set allowNonEksIssuer: true to trust another OIDC issuer on purpose`;

  test.each([
    'https://token.actions.githubusercontent.com',
    'https://oidc.eks.us-east-1.amazonaws.com.example.org/id/' + ID,
    `https://oidc.eks.us-east-1.amazonaws.com/ids/${ID}`,
    `https://xoidc.eks.us-east-1.amazonaws.com/id/${ID}`,
    `https://oidc.eks.us-east-1.amazonaws.com/x/id/${ID}`,
    `https://oidc.eks.us_east_1.amazonaws.com/id/${ID}`,
    `https://oidc.eks..amazonaws.com/id/${ID}`,
    'https://oidc.eks.us-east-1.amazonaws.com/id/',
    `https://oidc.eks.us-east-1.amazonaws.com.cn.example.org/id/${ID}`,
    // An EKS issuer inside the path of another: the whole URL must be the EKS issuer.
    `https://issuer.example.com/https://oidc.eks.us-east-1.amazonaws.com/id/${ID}`,
  ])('%s is refused without the opt-in', (given) => {
    expect(checkIssuerUrl(given)).toEqual(failed(given, `openIdConnectIssuerUrl '${given}' is not an EKS cluster's issuer (https://oidc.eks.<region>.amazonaws.com/id/<id>)`, NOT_EKS_FIX));
  });

  test('accepted with the opt-in, normalised', () => {
    expect(checkIssuerUrl('https://token.actions.githubusercontent.com', { allowNonEksIssuer: true }))
      .toEqual({ url: 'https://token.actions.githubusercontent.com', issuer: 'token.actions.githubusercontent.com', eks: false, normalized: [] });
    expect(checkIssuerUrl('https://Issuer.Example.com/', { allowNonEksIssuer: true })).toEqual({
      url: 'https://issuer.example.com', issuer: 'issuer.example.com', eks: false, normalized: ['scheme and host written in lower case', "the trailing '/' removed"],
    });
    expect(checkIssuerUrl('https://issuer.example.com/tenant/', { allowNonEksIssuer: true })).toEqual({
      url: 'https://issuer.example.com/tenant', issuer: 'issuer.example.com/tenant', eks: false, normalized: ["the trailing '/' removed"],
    });
    expect(checkIssuerUrl('https://issuer.example.com/a', { allowNonEksIssuer: true }).normalized).toEqual([]);
    // A character outside the Basic Multilingual Plane is neither whitespace, nor a query, nor a fragment.
    expect(checkIssuerUrl('https://issuer.example.com/\u{1F600}', { allowNonEksIssuer: true }).problem).toBeUndefined();
  });
});

describe('checkIssuerUrl: what is not an issuer URL', () => {
  test.each([
    ['', 'openIdConnectIssuerUrl is empty'],
    ['  ', 'openIdConnectIssuerUrl is empty'],
    [`${URL} `, `openIdConnectIssuerUrl '${URL} ' contains " " (whitespace); an issuer URL has no whitespace, query or fragment`],
    [`${URL}?x=1`, `openIdConnectIssuerUrl '${URL}?x=1' contains "?"; an issuer URL has no whitespace, query or fragment`],
    [`${URL}#frag`, `openIdConnectIssuerUrl '${URL}#frag' contains "#"; an issuer URL has no whitespace, query or fragment`],
    [`http://${ISSUER}`, `openIdConnectIssuerUrl 'http://${ISSUER}' does not use https://; OIDC issuers (and IAM OIDC providers) are https URLs`],
    [`git+ssh.1-x://${ISSUER}`, `openIdConnectIssuerUrl 'git+ssh.1-x://${ISSUER}' does not use https://; OIDC issuers (and IAM OIDC providers) are https URLs`],
    [`http://x.example.com/https://${ISSUER}`, `openIdConnectIssuerUrl 'http://x.example.com/https://${ISSUER}' does not use https://; OIDC issuers (and IAM OIDC providers) are https URLs`],
    [ISSUER, `openIdConnectIssuerUrl '${ISSUER}' is not a URL (it must start with https://)`],
    [`1http://${ISSUER}`, `openIdConnectIssuerUrl '1http://${ISSUER}' is not a URL (it must start with https://)`],
    [`//${ISSUER}`, `openIdConnectIssuerUrl '//${ISSUER}' is not a URL (it must start with https://)`],
    [`-x://${ISSUER}`, `openIdConnectIssuerUrl '-x://${ISSUER}' is not a URL (it must start with https://)`],
    ['https://', "openIdConnectIssuerUrl 'https://' has no host"],
    ['https:///id/x', "openIdConnectIssuerUrl 'https:///id/x' has no host"],
  ])('%p', (given, problem) => {
    expect(checkIssuerUrl(given)).toEqual(failed(given, problem));
  });

  test('named as the caller says', () => {
    expect(checkIssuerUrl('', { what: 'issuer' }).problem?.problem).toBe('issuer is empty');
  });
});

describe('checkIssuerUrl: deploy-time values', () => {
  test.each([
    '${Token[TOKEN.12]}',
    '${GetAtt:Cluster.OpenIdConnectIssuerUrl}',
    'https://${Token[TOKEN.12]}',
    `\${Token[TOKEN.12]}/id/${ID}`,
    `https://oidc.eks.\${Ref:AWS::Region}.amazonaws.com/id/${ID}/`,
  ])('%s is kept as given, unjudged', (given) => {
    expect(checkIssuerUrl(given)).toEqual({ url: given, eks: false, normalized: [] });
  });

  test('the literal head of a partly deploy-time URL is still judged', () => {
    const given = 'http://${Token[TOKEN.12]}';
    expect(checkIssuerUrl(given)).toEqual(failed(given, `openIdConnectIssuerUrl '${given}' does not use https://; OIDC issuers (and IAM OIDC providers) are https URLs`));
    expect(checkIssuerUrl('https://${Token[TOKEN.12]} /x').problem?.problem).toBe('openIdConnectIssuerUrl \'https://${Token[TOKEN.12]} /x\' contains " " (whitespace); an issuer URL has no whitespace, query or fragment');
  });
});

test('issuerOfUrl drops the scheme in any case', () => {
  expect(issuerOfUrl(URL)).toBe(ISSUER);
  expect(issuerOfUrl(`HTTPS://${ISSUER}`)).toBe(ISSUER);
  expect(issuerOfUrl(`x${URL}`)).toBe(`x${URL}`);
});

describe('oidcProviderArnProblem', () => {
  const ARN = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;
  const FIX = 'give arn:<partition>:iam::<account>:oidc-provider/<issuer without https://> (aws iam list-open-id-connect-providers)';

  test.each<[string, { issuer?: string; account?: string }]>([
    [ARN, {}],
    [ARN, { issuer: ISSUER, account: '123456789012' }],
    [ARN, { issuer: '${Token[TOKEN.1]}', account: '${Token[TOKEN.2]}' }],
    [`arn:aws:iam::\${Ref:AWS::AccountId}:oidc-provider/${ISSUER}`, { account: '123456789012' }],
    ['arn:aws:iam::123456789012:oidc-provider/${GetAtt:Cluster.Issuer}', { issuer: ISSUER }],
    ['${Token[TOKEN.3]}', { issuer: ISSUER, account: '123456789012' }],
  ])('%s is the provider (as far as can be told) for %p', (arn, options) => {
    expect(oidcProviderArnProblem(arn, options)).toBeUndefined();
  });

  test.each([
    `arn:aws:iam::123456789012:role/${ISSUER}`,
    `arn:aws:sts::123456789012:oidc-provider/${ISSUER}`,
    'arn:aws:iam::123456789012:oidc-provider',
    'arn:aws:iam::123456789012:oidc-provider/',
    ISSUER,
  ])('%s is not an OIDC provider ARN', (arn) => {
    expect(oidcProviderArnProblem(arn)).toEqual({ problem: `openIdConnectProviderArn '${arn}' is not an IAM OIDC provider ARN`, fix: FIX });
  });

  test('an account that is not one', () => {
    const arn = `arn:aws:iam::1234:oidc-provider/${ISSUER}`;
    expect(oidcProviderArnProblem(arn, { account: '123456789012' })).toEqual({
      problem: `openIdConnectProviderArn '${arn}' has account '1234', which is not a 12-digit account id`, fix: 'write the 12-digit account id (leading zeros included)',
    });
  });

  test('a provider of another account', () => {
    expect(oidcProviderArnProblem(ARN, { account: '210987654321', what: 'providerArn' })).toEqual({
      problem: `providerArn '${ARN}' is in account 123456789012, but IRSA roles trust OIDC providers of their own account (210987654321)`,
      fix: 'register the cluster\'s issuer as an OIDC provider in this account and give its ARN',
    });
  });

  test('the provider of another issuer', () => {
    const other = `oidc.eks.us-east-1.amazonaws.com/id/${'F'.repeat(32)}`;
    expect(oidcProviderArnProblem(ARN, { issuer: other })).toEqual({
      problem: `openIdConnectProviderArn '${ARN}' is the provider of issuer ${ISSUER}, not of the cluster's issuer ${other}`,
      fix: `give the provider for ${other}, or leave openIdConnectProviderArn out to use arn:<partition>:iam::<account>:oidc-provider/${other}`,
    });
  });
});
