import { Annotations, Template } from 'aws-cdk-lib/assertions';
import { NODE_ROLE_ARN, policyOf, ZONE_A } from './catalog-entries';
import { ControllerIdentity, IdentityMode } from '../../src';
import { CATALOG_ENTRIES } from '../../src/catalog/private/catalog-entries';
import { selectPolicy } from '../../src/catalog/private/policy-selection';
import { errorOf } from '../support/error-of';
import { importedCluster, newStack } from '../support/fixtures';

const karpenter = CATALOG_ENTRIES.find((e) => e.id === 'karpenter')!;
const actionsOf = (identity: ControllerIdentity) => policyOf(identity, newStack()).Statement.flatMap((s: any) => [].concat(s.Action));

describe('selectPolicy', () => {
  test('no version: the newest range, saying which version it stands for and how to pin one', () => {
    expect(selectPolicy(karpenter, undefined)).toEqual({
      policyVersion: 'v1.12.0',
      level: 'info',
      message: 'no Karpenter version given: using the policy of the newest version the catalog knows, v1.14.1 (range v1.12.0 and later)',
      fix: "pin the version you run with version: 'v1.14.1'",
    });
  });

  test.each([
    ['v1.0.0', 'v1.0.0'], ['1.0.5', 'v1.0.0'], ['v1.2.8', 'v1.0.0'], ['v1.3.0', 'v1.3.0'], ['v1.6.9', 'v1.3.0'], ['v1.7.0', 'v1.7.0'],
    ['v1.8.8', 'v1.7.0'], ['v1.10.2', 'v1.9.0'], ['v1.11.1', 'v1.11.0'], ['v1.11.3', 'v1.11.0'], ['v1.14.1', 'v1.12.0'],
    ['v1.7.0-rc.1', 'v1.3.0'],
  ])('%s is in range %s', (version, range) => {
    expect(selectPolicy(karpenter, version)).toEqual({ policyVersion: range, level: 'info', message: `Karpenter ${version}: using the policy of range ${range}` });
  });

  test('a version newer than the newest known: the newest range, with a warning', () => {
    expect(selectPolicy(karpenter, 'v1.15.0')).toEqual({
      policyVersion: 'v1.12.0',
      level: 'warning',
      message: 'Karpenter v1.15.0 is newer than v1.14.1, the newest version the catalog knows: using the policy of range v1.12.0, which may lack permissions the new version calls',
      fix: 'check the release notes of the versions since for IAM changes, and add missing permissions with WorkloadIdentity statements',
    });
  });

  test('a version older than the oldest range is an error that says why', () => {
    expect(selectPolicy(karpenter, 'v0.37.0')).toEqual({
      level: 'error',
      message: 'Karpenter v0.37.0 is older than v1.0.0, the oldest version the catalog has a policy for '
        + '(releases before v1.0.0 use the v1beta1 APIs and a different policy, which the catalog does not carry)',
      fix: 'upgrade to v1.0.0 or later, or give the role your own permissions (WorkloadIdentity statements and managedPolicies) instead of the catalog entry',
    });
  });

  test('a text that is not a version is an error', () => {
    expect(selectPolicy(karpenter, 'latest')).toEqual({
      level: 'error',
      message: "'latest' is not a Karpenter version the catalog can compare",
      fix: "give the version you run, e.g. version: 'v1.14.1'",
    });
  });

  test('EKS add-on builds compare with the upstream release they package', () => {
    const cni = CATALOG_ENTRIES.find((e) => e.id === 'vpc-cni')!;
    expect(selectPolicy(cni, 'v1.23.0-eksbuild.1').level).toBe('info');
    expect(selectPolicy(cni, 'v1.10.0-eksbuild.1').level).toBe('error');
  });

  test('VPC CNI: an older plugin is refused with a reason that is true for IPv4 clusters too', () => {
    const cni = CATALOG_ENTRIES.find((e) => e.id === 'vpc-cni')!;
    const { message, fix } = selectPolicy(cni, 'v1.9.3');
    expect(message).toContain('for IPv6 clusters, the first release the EKS user guide supports');
    expect(message).toContain('for IPv4 clusters, the catalog has not checked AmazonEKS_CNI_Policy against older plugins');
    expect(message).not.toMatch(/^[^(]*\(IPv6 clusters need/);
    expect(fix).toContain('managedPolicies');
  });
});

describe('the version selects the policy', () => {
  test('ExternalDNS: ListTagsForResource before v0.16.0, ListTagsForResources (plural) from v0.16.0', () => {
    const tagReads = (version?: string) => actionsOf(ControllerIdentity.externalDns({ version, hostedZoneIds: [ZONE_A] }))
      .filter((a: string) => a.startsWith('route53:ListTagsFor'));
    expect(tagReads('v0.15.0')).toEqual(['route53:ListTagsForResource']);
    expect(tagReads('v0.16.0')).toEqual(['route53:ListTagsForResources']);
    expect(tagReads('v0.22.0')).toEqual(['route53:ListTagsForResources']);
    expect(tagReads(undefined)).toEqual(['route53:ListTagsForResources']);
  });

  test('Karpenter: each release gets what its code calls', () => {
    const make = (version: string) => ControllerIdentity.karpenter({ version, clusterName: 'myeks', nodeRoleArn: NODE_ROLE_ARN });
    // v1.0.0 tags instances with eks:eks-cluster-name (the template of the tag's docs/ is v0.37's and forbids it).
    const tagOwned = JSON.stringify(policyOf(make('v1.0.0'), newStack()).Statement.find((s: any) => s.Sid === 'TagOwnedInstances'));
    expect(tagOwned).toContain('eks:eks-cluster-name');
    expect(actionsOf(make('v1.2.8'))).not.toContain('ec2:DescribeCapacityReservations');
    expect(actionsOf(make('v1.3.0'))).toContain('ec2:DescribeCapacityReservations');
    expect(actionsOf(make('v1.6.9'))).not.toContain('iam:ListInstanceProfiles');
    expect(actionsOf(make('v1.7.0'))).toContain('iam:ListInstanceProfiles');
    expect(actionsOf(make('v1.14.1'))).toContain('iam:ListInstanceProfiles');
    expect(actionsOf(make('v1.10.2'))).not.toContain('ec2:DescribePlacementGroups');
    for (const patch of ['v1.11.0', 'v1.11.1', 'v1.11.2', 'v1.11.3']) expect(actionsOf(make(patch))).toContain('ec2:DescribePlacementGroups');
    expect(actionsOf(make('v1.11.3'))).not.toContain('ec2:DescribeInstanceStatus');
    expect(actionsOf(make('v1.12.0'))).toEqual(expect.arrayContaining(['ec2:DescribeInstanceStatus', 'arc-zonal-shift:GetManagedResource']));
  });

  test('Cluster Autoscaler: autoscaling:DescribeTags only before 1.31', () => {
    expect(actionsOf(ControllerIdentity.clusterAutoscaler({ version: 'v1.30.2', clusterName: 'myeks' }))).toContain('autoscaling:DescribeTags');
    expect(actionsOf(ControllerIdentity.clusterAutoscaler({ version: 'v1.31.0', clusterName: 'myeks' }))).not.toContain('autoscaling:DescribeTags');
  });

  test('the identity tells which range it uses', () => {
    const alb = ControllerIdentity.awsLoadBalancerController({ version: 'v2.8.2' });
    expect([alb.policyVersion, alb.oldestSupportedVersion, alb.newestKnownVersion]).toEqual(['v2.7.0', 'v2.5.0', 'v3.5.0']);
    expect(alb.policySelection).toBe('AWS Load Balancer Controller v2.8.2: using the policy of range v2.7.0');
    expect(actionsOf(alb)).not.toContain('ec2:DescribeRouteTables');
  });
});

describe('at synth', () => {
  function synth(controller: ControllerIdentity) {
    const stack = newStack();
    importedCluster(stack).addWorkloadIdentity('Controller', { controller, mode: IdentityMode.IRSA });
    return Annotations.fromStack(stack);
  }

  test('without a version, an info annotation names the version used and how to pin one', () => {
    synth(ControllerIdentity.awsLoadBalancerController()).hasInfo('/Stack/Imported/Controller',
      'no AWS Load Balancer Controller version given: using the policy of the newest version the catalog knows, v3.5.0 (range v2.13.0 and later); '
      + "pin the version you run with version: 'v3.5.0'");
  });

  test('a version in range: an info annotation', () => {
    synth(ControllerIdentity.awsLoadBalancerController({ version: 'v2.13.0' }))
      .hasInfo('/Stack/Imported/Controller', 'AWS Load Balancer Controller v2.13.0: using the policy of range v2.13.0');
  });

  test('a version newer than the catalog knows: a warning', () => {
    synth(ControllerIdentity.awsLoadBalancerController({ version: 'v3.6.0' })).hasWarning('/Stack/Imported/Controller',
      'AWS Load Balancer Controller v3.6.0 is newer than v3.5.0, the newest version the catalog knows: using the policy of range v2.13.0, '
      + 'which may lack permissions the new version calls; check the release notes of the versions since for IAM changes, '
      + 'and add missing permissions with WorkloadIdentity statements [ack: cdk-eks-identity:controllerVersionNewerThanCatalog]');
  });

  test('a version older than supported fails, naming the construct, the problem and the fix', () => {
    const stack = newStack();
    expect(errorOf(() => importedCluster(stack).addWorkloadIdentity('Controller', {
      controller: ControllerIdentity.awsLoadBalancerController({ version: 'v2.4.7' }),
      mode: IdentityMode.IRSA,
    }))).toBe('Stack/Imported/Controller: AWS Load Balancer Controller v2.4.7 is older than v2.5.0, the oldest version the catalog has a policy for '
      + "(the catalog's copies of the controller's policy start at v2.5.0). Fix: upgrade to v2.5.0 or later, "
      + 'or give the role your own permissions (WorkloadIdentity statements and managedPolicies) instead of the catalog entry');
  });

  test('a version that is too old for pod identity but supported by the catalog still picks IRSA under AUTO', () => {
    const stack = newStack();
    const identity = importedCluster(stack).addWorkloadIdentity('Controller', {
      controller: ControllerIdentity.awsLoadBalancerController({ version: 'v2.6.2' }),
    });
    expect(identity.mode).toBe(IdentityMode.IRSA);
    expect(Template.fromStack(stack).findResources('AWS::IAM::Role')).not.toEqual({});
  });
});
