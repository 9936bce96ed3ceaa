import { runSimulation } from '@cloud-copilot/iam-simulate';
import { NODE_ROLE_ARN, policyOf, ZONE_A, ZONE_B } from './catalog-entries';
import { ControllerIdentity } from '../../src';
import { ACCOUNT, newStack, REGION } from '../support/fixtures';

/*
 * The catalog's scoping, judged by an independent IAM evaluator (@cloud-copilot/iam-simulate,
 * AGPL, tests only): the permission policy of an entry is the controller role's identity policy,
 * and each request is what the controller sends AWS.
 */

interface PermissionRequest {
  readonly action: string;
  readonly resource: string;
  readonly context?: { [key: string]: string | string[] };
}

async function decide(entry: ControllerIdentity, request: PermissionRequest): Promise<string> {
  const stack = newStack();
  const result = await runSimulation({
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:role/controller`,
      action: request.action,
      resource: { resource: request.resource, accountId: ACCOUNT },
      contextVariables: request.context ?? {},
    },
    identityPolicies: [{ name: 'controller', policy: policyOf(entry, stack) }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }, {});
  if (result.resultType === 'error') throw new Error(`the evaluator rejected the simulation: ${JSON.stringify(result.errors)}`);
  const ignored = result.resultType === 'single' ? result.result.ignoredContextKeys ?? [] : [];
  if (ignored.length > 0) throw new Error(`the evaluator ignored context keys ${ignored.join(', ')}`);
  return result.overallResult;
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
