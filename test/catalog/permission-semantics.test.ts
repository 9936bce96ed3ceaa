import { NODE_ROLE_ARN, policyOf, ZONE_A, ZONE_B } from './catalog-entries';
import { managedPolicyCopy, readSource, upstreamVersions } from './upstream-comparison';
import { ControllerIdentity } from '../../src';
import { ACCOUNT, newStack, REGION } from '../support/fixtures';
import { Decision, evaluatePermissions, PermissionRequest } from '../support/iam-evaluator';

/*
 * The catalog's scoping, judged by an independent IAM evaluator (test/support/iam-evaluator.ts,
 * over @cloud-copilot/iam-simulate, AGPL, tests only): the permission policy of an entry is the
 * controller role's identity policy, and each request is what the controller sends AWS.
 */

async function decide(entry: ControllerIdentity, request: PermissionRequest): Promise<Decision> {
  return evaluatePermissions([policyOf(entry, newStack())], request);
}

/**
 * The role's identity policies with its AWS managed policies: their documents come from the
 * vendored copies of the entry's newest range (z0ph/MAMIP or the AWS managed policy reference).
 */
function withManagedPolicies(id: string, entry: ControllerIdentity): any[] {
  const versions = upstreamVersions(id);
  const source = readSource(id, versions[versions.length - 1]);
  const managed = entry.managedPolicyNames.map((name) => {
    const copy = managedPolicyCopy(source, name);
    if (!copy) throw new Error(`no vendored copy of ${name} for ${id}`);
    return copy.PolicyVersion?.Document ?? copy;
  });
  const inline = policyOf(entry, newStack());
  return [...(inline.Statement.length > 0 ? [inline] : []), ...managed];
}

const elb = (resource: string, region = REGION) => `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:${resource}`;
const LOAD_BALANCER = elb('loadbalancer/app/k8s-default-web-0123456789/0123456789abcdef');
const clusterTag = (value: string) => ({ 'aws:ResourceTag/elbv2.k8s.aws/cluster': value });

describe('AWS Load Balancer Controller scoped to cluster myeks', () => {
  const entry = ControllerIdentity.awsLoadBalancerController({ clusterName: 'myeks' });

  test('deletes a load balancer tagged for myeks', async () => {
    expect(await decide(entry, { action: 'elasticloadbalancing:DeleteLoadBalancer', resource: LOAD_BALANCER, context: clusterTag('myeks') }))
      .toBe('Allowed');
  });

  test.each([
    ['tagged for another cluster', LOAD_BALANCER, clusterTag('other')],
    ['without the cluster tag', LOAD_BALANCER, {}],
    ['in another region', elb('loadbalancer/app/k8s-default-web-0123456789/0123456789abcdef', 'us-east-1'), clusterTag('myeks')],
  ])('does not delete a load balancer %s', async (_what, resource, context) => {
    expect(await decide(entry, { action: 'elasticloadbalancing:DeleteLoadBalancer', resource, context })).toBe('ImplicitlyDenied');
  });

  test('creates a load balancer only when it tags it for myeks', async () => {
    const create = (context: any) => decide(entry, { action: 'elasticloadbalancing:CreateLoadBalancer', resource: LOAD_BALANCER, context });
    expect(await create({ 'aws:RequestTag/elbv2.k8s.aws/cluster': 'myeks', 'aws:TagKeys': ['elbv2.k8s.aws/cluster'] })).toBe('Allowed');
    expect(await create({ 'aws:RequestTag/elbv2.k8s.aws/cluster': 'other', 'aws:TagKeys': ['elbv2.k8s.aws/cluster'] })).toBe('ImplicitlyDenied');
    expect(await create({})).toBe('ImplicitlyDenied');
  });

  test('may not move a security group of myeks to another cluster by re-tagging it', async () => {
    const securityGroup = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0123456789abcdef0`;
    expect(await decide(entry, {
      action: 'ec2:CreateTags',
      resource: securityGroup,
      context: { 'aws:ResourceTag/elbv2.k8s.aws/cluster': 'myeks', 'aws:RequestTag/elbv2.k8s.aws/cluster': 'other', 'aws:TagKeys': ['elbv2.k8s.aws/cluster'] },
    })).toBe('ImplicitlyDenied');
    expect(await decide(entry, {
      action: 'ec2:CreateTags',
      resource: securityGroup,
      context: { 'aws:ResourceTag/elbv2.k8s.aws/cluster': 'myeks', 'aws:RequestTag/ingress.k8s.aws/stack': 'web', 'aws:TagKeys': ['ingress.k8s.aws/stack'] },
    })).toBe('Allowed');
  });
});

test('the AWS Load Balancer Controller without clusterName manages resources of any cluster, but only tagged ones', async () => {
  const entry = ControllerIdentity.awsLoadBalancerController();
  expect(await decide(entry, { action: 'elasticloadbalancing:DeleteLoadBalancer', resource: LOAD_BALANCER, context: clusterTag('other') })).toBe('Allowed');
  expect(await decide(entry, { action: 'elasticloadbalancing:DeleteLoadBalancer', resource: LOAD_BALANCER })).toBe('ImplicitlyDenied');
});

test('ExternalDNS changes records in its zones only', async () => {
  const entry = ControllerIdentity.externalDns({ hostedZoneIds: [ZONE_A] });
  const change = (zone: string) => decide(entry, { action: 'route53:ChangeResourceRecordSets', resource: `arn:aws:route53:::hostedzone/${zone}` });
  expect(await change(ZONE_A)).toBe('Allowed');
  expect(await change(ZONE_B)).toBe('ImplicitlyDenied');
});

describe('cert-manager', () => {
  const zone = `arn:aws:route53:::hostedzone/${ZONE_A}`;
  const change = (entry: ControllerIdentity, types: string[], names: string[]) => decide(entry, {
    action: 'route53:ChangeResourceRecordSets',
    resource: zone,
    context: { 'route53:ChangeResourceRecordSetsRecordTypes': types, 'route53:ChangeResourceRecordSetsNormalizedRecordNames': names },
  });

  test('writes _acme-challenge TXT records, nothing else', async () => {
    const entry = ControllerIdentity.certManager({ hostedZoneIds: [ZONE_A] });
    expect(await change(entry, ['TXT'], ['_acme-challenge.www.example.com'])).toBe('Allowed');
    expect(await change(entry, ['A'], ['_acme-challenge.www.example.com'])).toBe('ImplicitlyDenied');
    expect(await change(entry, ['TXT'], ['www.example.com'])).toBe('ImplicitlyDenied');
    expect(await change(entry, ['TXT', 'TXT'], ['_acme-challenge.a.example.com', 'b.example.com'])).toBe('ImplicitlyDenied');
  });

  test('with acmeChallengeRecordsOnly: false, any TXT record', async () => {
    const entry = ControllerIdentity.certManager({ hostedZoneIds: [ZONE_A], acmeChallengeRecordsOnly: false });
    expect(await change(entry, ['TXT'], ['delegated.example.net'])).toBe('Allowed');
    expect(await change(entry, ['CNAME'], ['delegated.example.net'])).toBe('ImplicitlyDenied');
  });
});

describe('Karpenter of cluster myeks', () => {
  const entry = ControllerIdentity.karpenter({ clusterName: 'myeks', nodeRoleArn: NODE_ROLE_ARN });
  const instance = `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`;
  const terminate = (context: any) => decide(entry, { action: 'ec2:TerminateInstances', resource: instance, context });

  test('terminates only its own nodes', async () => {
    expect(await terminate({ 'aws:ResourceTag/kubernetes.io/cluster/myeks': 'owned', 'aws:ResourceTag/karpenter.sh/nodepool': 'default' })).toBe('Allowed');
    expect(await terminate({ 'aws:ResourceTag/kubernetes.io/cluster/other': 'owned', 'aws:ResourceTag/karpenter.sh/nodepool': 'default' }))
      .toBe('ImplicitlyDenied');
    expect(await terminate({ 'aws:ResourceTag/kubernetes.io/cluster/myeks': 'owned' })).toBe('ImplicitlyDenied');
  });

  test('passes only the node role, only to EC2', async () => {
    const pass = (resource: string, service: string) => decide(entry, { action: 'iam:PassRole', resource, context: { 'iam:PassedToService': service } });
    expect(await pass(NODE_ROLE_ARN, 'ec2.amazonaws.com')).toBe('Allowed');
    expect(await pass(`arn:aws:iam::${ACCOUNT}:role/Admin`, 'ec2.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await pass(NODE_ROLE_ARN, 'lambda.amazonaws.com')).toBe('ImplicitlyDenied');
  });
});

test('Cluster Autoscaler scales only the Auto Scaling groups discovered for its cluster', async () => {
  const entry = ControllerIdentity.clusterAutoscaler({ clusterName: 'myeks' });
  const group = `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:0123abcd-0123-4567-89ab-0123456789ab:autoScalingGroupName/eks-ng-1`;
  const scale = (context: any) => decide(entry, { action: 'autoscaling:SetDesiredCapacity', resource: group, context });
  expect(await scale({ 'aws:ResourceTag/k8s.io/cluster-autoscaler/myeks': 'owned' })).toBe('Allowed');
  expect(await scale({ 'aws:ResourceTag/k8s.io/cluster-autoscaler/other': 'owned' })).toBe('ImplicitlyDenied');
});

describe('AWS Load Balancer Controller in a shared VPC', () => {
  const owner = '111122223333';
  const vpc = (account: string) => `arn:aws:ec2:${REGION}:${account}:vpc/vpc-0123456789abcdef0`;
  const securityGroup = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0123456789abcdef0`;
  const createIn = (entry: ControllerIdentity, account: string) => decide(entry, { action: 'ec2:CreateSecurityGroup', resource: vpc(account) });

  test('without sharedVpcOwnerAccountIds, security groups may be created only in VPCs of the stack\'s account', async () => {
    const entry = ControllerIdentity.awsLoadBalancerController({ clusterName: 'myeks' });
    expect(await createIn(entry, ACCOUNT)).toBe('Allowed');
    expect(await createIn(entry, owner)).toBe('ImplicitlyDenied');
  });

  test('with the VPC owner given, also in its VPCs, and the security groups stay the stack account\'s', async () => {
    const entry = ControllerIdentity.awsLoadBalancerController({ clusterName: 'myeks', sharedVpcOwnerAccountIds: [owner] });
    expect(await createIn(entry, owner)).toBe('Allowed');
    expect(await createIn(entry, '444455556666')).toBe('ImplicitlyDenied');
    expect(await decide(entry, { action: 'ec2:GetSecurityGroupsForVpc', resource: vpc(owner) })).toBe('Allowed');
    expect(await decide(entry, { action: 'ec2:CreateSecurityGroup', resource: securityGroup })).toBe('Allowed');
    expect(await decide(entry, {
      action: 'ec2:DeleteSecurityGroup',
      resource: `arn:aws:ec2:${REGION}:${owner}:security-group/sg-0123456789abcdef0`,
      context: { 'aws:ResourceTag/elbv2.k8s.aws/cluster': 'myeks' },
    })).toBe('ImplicitlyDenied');
  });
});

describe('Mountpoint for Amazon S3 CSI driver with a directory bucket', () => {
  const express = `arn:aws:s3express:${REGION}:${ACCOUNT}:bucket/my-express-bucket--apne2-az1--x-s3`;
  const entry = ControllerIdentity.mountpointS3CsiDriver({ directoryBucketArns: [express] });

  test('creates sessions on the given directory bucket only', async () => {
    expect(await decide(entry, { action: 's3express:CreateSession', resource: express })).toBe('Allowed');
    expect(await decide(entry, { action: 's3express:CreateSession', resource: `arn:aws:s3express:${REGION}:${ACCOUNT}:bucket/other--apne2-az1--x-s3` }))
      .toBe('ImplicitlyDenied');
  });
});

describe('External Secrets Operator', () => {
  const secret = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db-AbCdEf`;
  const other = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:other-AbCdEf`;

  test('reads its secrets, not others, and writes nothing without pushSecrets', async () => {
    const entry = ControllerIdentity.externalSecrets({ secretArns: [secret] });
    expect(await decide(entry, { action: 'secretsmanager:GetSecretValue', resource: secret })).toBe('Allowed');
    expect(await decide(entry, { action: 'secretsmanager:GetSecretValue', resource: other })).toBe('ImplicitlyDenied');
    expect(await decide(entry, { action: 'secretsmanager:PutSecretValue', resource: secret })).toBe('ImplicitlyDenied');
  });

  // The evaluator does not know Secrets Manager's secretsmanager:ResourceTag/<key> (the key the
  // upstream policy uses), so only its absence is judged here: without the tag, no delete.
  test('with pushSecrets, writes its secrets and deletes none that lack the managed-by tag', async () => {
    const entry = ControllerIdentity.externalSecrets({ secretArns: [secret], pushSecrets: true });
    expect(await decide(entry, { action: 'secretsmanager:PutSecretValue', resource: secret })).toBe('Allowed');
    expect(await decide(entry, { action: 'secretsmanager:PutSecretValue', resource: other })).toBe('ImplicitlyDenied');
    expect(await decide(entry, { action: 'secretsmanager:DeleteSecret', resource: secret })).toBe('ImplicitlyDenied');
  });

  test('with pushParameters, writes its parameters only; without it, none', async () => {
    const parameter = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/pushed/app`;
    const put = (entry: ControllerIdentity, resource: string) => decide(entry, { action: 'ssm:PutParameter', resource });
    expect(await put(ControllerIdentity.externalSecrets({ parameterArns: [parameter], pushParameters: true }), parameter)).toBe('Allowed');
    expect(await put(ControllerIdentity.externalSecrets({ parameterArns: [parameter], pushParameters: true }), `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/other`))
      .toBe('ImplicitlyDenied');
    expect(await put(ControllerIdentity.externalSecrets({ parameterArns: [parameter] }), parameter)).toBe('ImplicitlyDenied');
  });
});

test('the AWS provider of the Secrets Store CSI driver reads only the named secrets and parameters', async () => {
  const secret = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:app/db-AbCdEf`;
  const parameter = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/config`;
  const entry = ControllerIdentity.secretsStoreCsiDriverProviderAws({ namespace: 'app', serviceAccountName: 'app', secretArns: [secret], parameterArns: [parameter] });
  expect(await decide(entry, { action: 'secretsmanager:GetSecretValue', resource: secret })).toBe('Allowed');
  expect(await decide(entry, { action: 'ssm:GetParameters', resource: parameter })).toBe('Allowed');
  expect(await decide(entry, { action: 'ssm:GetParameters', resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/other` })).toBe('ImplicitlyDenied');
});

test('the AWS Private CA Issuer issues only from the given certificate authority', async () => {
  const ca = (id: string) => `arn:aws:acm-pca:${REGION}:${ACCOUNT}:certificate-authority/${id}`;
  const entry = ControllerIdentity.awsPrivateCaIssuer({ certificateAuthorityArns: [ca('12345678-1234-1234-1234-123456789012')] });
  expect(await decide(entry, { action: 'acm-pca:IssueCertificate', resource: ca('12345678-1234-1234-1234-123456789012') })).toBe('Allowed');
  expect(await decide(entry, { action: 'acm-pca:IssueCertificate', resource: ca('87654321-4321-4321-4321-210987654321') })).toBe('ImplicitlyDenied');
});

test('Velero writes backups to its bucket only', async () => {
  const entry = ControllerIdentity.veleroPluginForAws({ bucketArns: ['arn:aws:s3:::my-velero-backups'] });
  expect(await decide(entry, { action: 's3:PutObject', resource: 'arn:aws:s3:::my-velero-backups/backups/b1/b1.tar.gz' })).toBe('Allowed');
  expect(await decide(entry, { action: 's3:PutObject', resource: 'arn:aws:s3:::other-bucket/b1.tar.gz' })).toBe('ImplicitlyDenied');
  expect(await decide(entry, { action: 'ec2:CreateSnapshot', resource: `arn:aws:ec2:${REGION}::snapshot/snap-0123456789abcdef0` })).toBe('Allowed');
  expect(await decide(entry, { action: 'ec2:CreateSnapshot', resource: 'arn:aws:ec2:us-east-1::snapshot/snap-0123456789abcdef0' })).toBe('ImplicitlyDenied');
});

test('the FSx for Lustre CSI driver manages file systems of its account and region only', async () => {
  const entry = ControllerIdentity.fsxCsiDriver();
  expect(await decide(entry, { action: 'fsx:DeleteFileSystem', resource: `arn:aws:fsx:${REGION}:${ACCOUNT}:file-system/fs-0123456789abcdef0` })).toBe('Allowed');
  expect(await decide(entry, { action: 'fsx:DeleteFileSystem', resource: `arn:aws:fsx:${REGION}:210987654321:file-system/fs-0123456789abcdef0` }))
    .toBe('ImplicitlyDenied');
});

test('AWS for Fluent Bit writes to the given log groups only', async () => {
  const entry = ControllerIdentity.awsForFluentBit({ logGroupNames: ['/aws/eks/myeks/application'] });
  const stream = (group: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}:log-stream:fluent-bit-abc`;
  expect(await decide(entry, { action: 'logs:PutLogEvents', resource: stream('/aws/eks/myeks/application') })).toBe('Allowed');
  expect(await decide(entry, { action: 'logs:PutLogEvents', resource: stream('/other') })).toBe('ImplicitlyDenied');
});

describe('AWS Gateway API Controller', () => {
  const entry = ControllerIdentity.awsGatewayApiController();
  const slr = (path: string) => `arn:aws:iam::${ACCOUNT}:role/aws-service-role/${path}`;

  test('manages VPC Lattice resources of any kind', async () => {
    const lattice = (resource: string) => `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:${resource}`;
    expect(await decide(entry, { action: 'vpc-lattice:CreateService', resource: lattice('service/*') })).toBe('Allowed');
    expect(await decide(entry, { action: 'vpc-lattice:DeleteTargetGroup', resource: lattice('targetgroup/tg-0123456789abcdef0') })).toBe('Allowed');
  });

  test('tags Firehose delivery streams of its account and region only', async () => {
    const stream = (region: string, account: string) => `arn:aws:firehose:${region}:${account}:deliverystream/lattice-logs`;
    expect(await decide(entry, { action: 'firehose:TagDeliveryStream', resource: stream(REGION, ACCOUNT) })).toBe('Allowed');
    expect(await decide(entry, { action: 'firehose:TagDeliveryStream', resource: stream('us-east-1', ACCOUNT) })).toBe('ImplicitlyDenied');
    expect(await decide(entry, { action: 'firehose:TagDeliveryStream', resource: stream(REGION, '210987654321') })).toBe('ImplicitlyDenied');
  });

  test('creates the VPC Lattice service-linked role of its own account, for VPC Lattice only', async () => {
    const create = (resource: string, service: string) => decide(entry, {
      action: 'iam:CreateServiceLinkedRole', resource, context: { 'iam:AWSServiceName': service },
    });
    const role = slr('vpc-lattice.amazonaws.com/AWSServiceRoleForVpcLattice');
    expect(await create(role, 'vpc-lattice.amazonaws.com')).toBe('Allowed');
    expect(await create(role, 'ec2.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await create('arn:aws:iam::210987654321:role/aws-service-role/vpc-lattice.amazonaws.com/AWSServiceRoleForVpcLattice', 'vpc-lattice.amazonaws.com'))
      .toBe('ImplicitlyDenied');
  });

  test('before v1.1.7 it cannot tag through the tagging API; from v1.1.7 it can', async () => {
    const tagResources = (version: string) => decide(ControllerIdentity.awsGatewayApiController({ version }), { action: 'tag:TagResources', resource: '*' });
    expect(await tagResources('v1.0.5')).toBe('ImplicitlyDenied');
    expect(await tagResources('v1.1.7')).toBe('Allowed');
  });
});

describe('Amazon EFS CSI driver node (AWS managed policies, judged with their vendored documents)', () => {
  const logStream = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/efs/utils:log-stream:i-0123456789abcdef0`;
  const object = 'arn:aws:s3:::my-s3-files-bucket/data/part-0001';

  test('publishes efs-utils logs and reads mount targets, and reads no S3 objects without s3Files', async () => {
    const policies = withManagedPolicies('efs-csi-node', ControllerIdentity.efsCsiNode());
    expect(await evaluatePermissions(policies, { action: 'logs:PutLogEvents', resource: logStream })).toBe('Allowed');
    expect(await evaluatePermissions(policies, { action: 'elasticfilesystem:DescribeMountTargets', resource: '*' })).toBe('Allowed');
    expect(await evaluatePermissions(policies, { action: 's3:GetObject', resource: object })).toBe('ImplicitlyDenied');
    expect(await evaluatePermissions(policies, { action: 's3files:ClientMount', resource: '*' })).toBe('ImplicitlyDenied');
  });

  test('with s3Files, reads the objects and mounts S3 file systems, but writes no objects', async () => {
    const policies = withManagedPolicies('efs-csi-node', ControllerIdentity.efsCsiNode({ s3Files: true }));
    expect(await evaluatePermissions(policies, { action: 's3:GetObject', resource: object })).toBe('Allowed');
    expect(await evaluatePermissions(policies, { action: 's3files:ClientMount', resource: '*' })).toBe('Allowed');
    expect(await evaluatePermissions(policies, { action: 's3:PutObject', resource: object })).toBe('ImplicitlyDenied');
    expect(await evaluatePermissions(policies, { action: 's3:DeleteObject', resource: object })).toBe('ImplicitlyDenied');
  });
});

test('the AWS Gateway API Controller creates only the VPC Lattice and log delivery service-linked roles', async () => {
  const entry = ControllerIdentity.awsGatewayApiController();
  const create = (path: string, service: string) => decide(entry, {
    action: 'iam:CreateServiceLinkedRole', resource: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/${path}`, context: { 'iam:AWSServiceName': service },
  });
  expect(await create('vpc-lattice.amazonaws.com/AWSServiceRoleForVpcLattice', 'vpc-lattice.amazonaws.com')).toBe('Allowed');
  expect(await create('elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing', 'elasticloadbalancing.amazonaws.com')).toBe('ImplicitlyDenied');
});
