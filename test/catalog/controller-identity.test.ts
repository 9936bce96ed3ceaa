import { Token } from 'aws-cdk-lib';
import { BUCKET_ARN, CA_ARN, CATALOG_CASES, NODE_ROLE_ARN, PARAMETER_ARN, SECRET_ARN, ZONE_A } from './catalog-entries';
import { AdotCollector, ControllerIdentity } from '../../src';
import { compareControllerVersions, parseControllerVersion } from '../../src/catalog/private/controller-version';
import { errorOf } from '../support/error-of';
import { newStack } from '../support/fixtures';

function compare(a: string, b: string): number {
  return compareControllerVersions(parseControllerVersion(a)!, parseControllerVersion(b)!);
}

describe('version comparison', () => {
  test.each([
    ['v1.15.5-eksbuild.1', 'v1.15.5-eksbuild.1', 0],
    ['v1.15.5-eksbuild.2', 'v1.15.5-eksbuild.1', 1],
    ['v1.15.4-eksbuild.9', 'v1.15.5-eksbuild.1', -1],
    ['v1.16.0-eksbuild.1', 'v1.15.5-eksbuild.1', 1],
    ['v1.15.5', 'v1.15.5-eksbuild.1', 0],
    ['1.15.5', 'v1.15.5', 0],
    ['v2.10.0', 'v2.7.0', 1],
    ['v2.7', 'v2.7.0', 0],
    ['v2.7.0-rc.1', 'v2.7.0', -1],
    ['v2.7.0-rc.2', 'v2.7.0-rc.10', -1],
    ['v2.7.0-rc.1', 'v2.7.0-beta.3', 1],
    ['v2.7.0-rc.1', 'v2.7.0-rc.1.1', -1],
    ['v2.7.0+build.5', 'v2.7.0', 0],
    ['v0.94.1-eksbuild.1', 'v0.94.1', 0],
  ])('%s vs %s → %d', (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
    expect(compare(b, a)).toBe(-expected || 0);
  });

  test.each(['latest', '', 'v', 'v1..2', 'version 2', '1.2.x'])('%j is not a version', (text) => {
    expect(parseControllerVersion(text)).toBeUndefined();
  });
});

describe('podIdentityUnsupportedReason', () => {
  const alb = ControllerIdentity.awsLoadBalancerController();

  test('no version known: assumed current, supported', () => {
    expect(alb.podIdentityUnsupportedReason()).toBeUndefined();
  });

  test('a version before the first supported one', () => {
    expect(alb.podIdentityUnsupportedReason('v2.6.2')).toBe(
      'AWS Load Balancer Controller v2.6.2 does not support EKS Pod Identity (it needs v2.7.0 or later)');
  });

  test('the first supported version and later ones', () => {
    expect(alb.podIdentityUnsupportedReason('v2.7.0')).toBeUndefined();
    expect(alb.podIdentityUnsupportedReason('2.13.0')).toBeUndefined();
  });

  test('a text that is not a version', () => {
    expect(alb.podIdentityUnsupportedReason('latest')).toBe(
      "the AWS Load Balancer Controller version 'latest' is not a version the catalog can compare with v2.7.0, the first with EKS Pod Identity support");
  });

  test('the entry\'s own version is the default', () => {
    const cni = ControllerIdentity.vpcCni({ version: 'v1.15.4-eksbuild.1' });
    expect(cni.version).toBe('v1.15.4-eksbuild.1');
    expect(cni.podIdentityUnsupportedReason()).toBe(
      'Amazon VPC CNI v1.15.4-eksbuild.1 does not support EKS Pod Identity (it needs v1.15.5-eksbuild.1 or later)');
    expect(cni.podIdentityUnsupportedReason('v1.15.5-eksbuild.1')).toBeUndefined();
  });

  test.each([
    ['AWS Load Balancer Controller', () => ControllerIdentity.awsLoadBalancerController(), 'v2.6.2', 'v2.7.0'],
    ['ExternalDNS', () => ControllerIdentity.externalDns({ hostedZoneIds: [ZONE_A] }), 'v0.14.0', 'v0.14.1'],
    ['cert-manager', () => ControllerIdentity.certManager({ hostedZoneIds: [ZONE_A] }), 'v1.14.5', 'v1.15.0'],
    ['Amazon EBS CSI driver', () => ControllerIdentity.ebsCsiDriver(), 'v1.25.0-eksbuild.1', 'v1.26.0-eksbuild.1'],
    ['Amazon EFS CSI driver', () => ControllerIdentity.efsCsiDriver(), 'v2.0.4-eksbuild.1', 'v2.0.5-eksbuild.1'],
    ['Mountpoint for Amazon S3 CSI driver', () => ControllerIdentity.mountpointS3CsiDriver({ bucketArns: [BUCKET_ARN] }), 'v1.15.0-eksbuild.1', 'v2.0.0-eksbuild.1'],
    ['Cluster Autoscaler', () => ControllerIdentity.clusterAutoscaler({ clusterName: 'myeks' }), 'v1.28.2', 'v1.29.0'],
    ['Karpenter', () => ControllerIdentity.karpenter({ clusterName: 'myeks', nodeRoleArn: NODE_ROLE_ARN }), '0.33.1', '0.34.0'],
    ['Amazon VPC CNI', () => ControllerIdentity.vpcCni(), 'v1.15.4-eksbuild.1', 'v1.15.5-eksbuild.1'],
    ['Amazon CloudWatch Observability', () => ControllerIdentity.cloudWatchObservability(), 'v3.0.0-eksbuild.1', 'v3.1.0-eksbuild.1'],
    ['AWS Distro for OpenTelemetry collector', () => ControllerIdentity.adot(), 'v0.92.1-eksbuild.1', 'v0.94.1-eksbuild.1'],
    ['AWS Gateway API Controller', () => ControllerIdentity.awsGatewayApiController(), 'v1.0.4', 'v1.0.5'],
    ['AWS Private CA Issuer', () => ControllerIdentity.awsPrivateCaIssuer({ certificateAuthorityArns: [CA_ARN] }), 'v1.2.6', 'v1.2.7'],
    ['External Secrets Operator', () => ControllerIdentity.externalSecrets({ secretArns: [SECRET_ARN] }), 'v0.9.9', 'v0.9.10'],
    ['AWS Secrets and Configuration Provider', () => ControllerIdentity.secretsStoreCsiDriverProviderAws({
      namespace: 'app', serviceAccountName: 'app', secretArns: [SECRET_ARN],
    }), '0.3.10', '0.3.11'],
    ['Amazon EFS CSI driver node', () => ControllerIdentity.efsCsiNode(), 'v3.0.0', 'v3.0.1'],
    ['Amazon FSx for Lustre CSI driver', () => ControllerIdentity.fsxCsiDriver(), 'v1.1.0', 'v1.2.0'],
    ['Velero (AWS plugin)', () => ControllerIdentity.veleroPluginForAws({ bucketArns: [BUCKET_ARN] }), 'v1.9.2', 'v1.10.0'],
    ['AWS for Fluent Bit', () => ControllerIdentity.awsForFluentBit(), 'v2.32.4', 'v2.32.5'],
  ])('%s: %s is too old, %s is the first with pod identity', (name, make, tooOld, first) => {
    const entry = make();
    expect(entry.name).toBe(name);
    expect(entry.podIdentityUnsupportedReason(tooOld)).toMatch(/does not support EKS Pod Identity/);
    expect(entry.podIdentityUnsupportedReason(first)).toBeUndefined();
  });
});

describe('what each entry knows', () => {
  test.each(CATALOG_CASES)('$id', ({ make }) => {
    const entry = make(newStack());
    expect({
      namespace: entry.namespace,
      serviceAccountName: entry.serviceAccountName,
      addonName: entry.addonName,
      minimumPodIdentityVersion: entry.minimumPodIdentityVersion,
      usesDefaultServiceAccount: entry.usesDefaultServiceAccount,
    }).toMatchSnapshot();
  });

  test('the service accounts and add-ons of the catalog', () => {
    const table = Object.fromEntries(CATALOG_CASES.map(({ id, make }) => {
      const entry = make(newStack());
      return [id, `${entry.namespace}/${entry.serviceAccountName} ${entry.addonName ?? '-'}`];
    }));
    expect(table).toEqual({
      'aws-load-balancer-controller (cluster-scoped)': 'kube-system/aws-load-balancer-controller -',
      'aws-load-balancer-controller (any cluster)': 'kube-system/aws-load-balancer-controller -',
      'external-dns': 'external-dns/external-dns -',
      'cert-manager': 'cert-manager/cert-manager -',
      'cert-manager (any record name)': 'cert-manager/cert-manager -',
      'ebs-csi-driver': 'kube-system/ebs-csi-controller-sa aws-ebs-csi-driver',
      'ebs-csi-driver (KMS)': 'kube-system/ebs-csi-controller-sa aws-ebs-csi-driver',
      'efs-csi-driver': 'kube-system/efs-csi-controller-sa aws-efs-csi-driver',
      'mountpoint-s3-csi-driver': 'kube-system/s3-csi-driver-sa aws-mountpoint-s3-csi-driver',
      'mountpoint-s3-csi-driver (read-only)': 'kube-system/s3-csi-driver-sa aws-mountpoint-s3-csi-driver',
      'cluster-autoscaler': 'kube-system/cluster-autoscaler -',
      'karpenter': 'kube-system/karpenter -',
      'karpenter (no interruption queue)': 'kube-system/karpenter -',
      'vpc-cni': 'kube-system/aws-node vpc-cni',
      'vpc-cni (IPv6)': 'kube-system/aws-node vpc-cni',
      'cloudwatch-observability': 'amazon-cloudwatch/cloudwatch-agent amazon-cloudwatch-observability',
      'adot': 'opentelemetry-operator-system/adot-col-otlp-ingest adot',
      'adot (Prometheus metrics)': 'opentelemetry-operator-system/adot-col-prom-metrics adot',
      'aws-gateway-api-controller': 'aws-application-networking-system/gateway-api-controller -',
      'aws-privateca-issuer': 'aws-privateca-issuer/aws-privateca-issuer -',
      'external-secrets': 'external-secrets/external-secrets -',
      'external-secrets (PushSecret)': 'external-secrets/external-secrets -',
      'external-secrets (PushSecret to Parameter Store)': 'external-secrets/external-secrets -',
      'secrets-store-csi-driver-provider-aws': 'app/app -',
      'efs-csi-node': 'kube-system/efs-csi-node-sa -',
      'efs-csi-node (S3 Files)': 'kube-system/efs-csi-node-sa -',
      'fsx-csi-driver': 'kube-system/fsx-csi-controller-sa aws-fsx-csi-driver',
      'fsx-csi-driver (given buckets)': 'kube-system/fsx-csi-controller-sa aws-fsx-csi-driver',
      'mountpoint-s3-csi-driver (directory bucket)': 'kube-system/s3-csi-driver-sa aws-mountpoint-s3-csi-driver',
      'velero-plugin-for-aws': 'velero/velero-server -',
      'velero-plugin-for-aws (no snapshots)': 'velero/velero-server -',
      'aws-for-fluent-bit': 'kube-system/aws-for-fluent-bit -',
      'aws-for-fluent-bit (given log groups)': 'kube-system/aws-for-fluent-bit -',
      'aws-load-balancer-controller (shared VPC)': 'kube-system/aws-load-balancer-controller -',
    });
  });

  test('AWS managed policies where AWS publishes one', () => {
    expect(ControllerIdentity.ebsCsiDriver().managedPolicyNames).toEqual(['AmazonEBSCSIDriverPolicyV2']);
    expect(ControllerIdentity.ebsCsiDriver({ version: 'v1.58.0' }).managedPolicyNames).toEqual(['service-role/AmazonEBSCSIDriverPolicy']);
    expect(ControllerIdentity.efsCsiDriver().managedPolicyNames).toEqual(['service-role/AmazonEFSCSIDriverPolicy']);
    expect(ControllerIdentity.vpcCni().managedPolicyNames).toEqual(['AmazonEKS_CNI_Policy']);
    expect(ControllerIdentity.vpcCni({ ipv6: true }).managedPolicyNames).toEqual([]);
    expect(ControllerIdentity.cloudWatchObservability().managedPolicyNames).toEqual(['CloudWatchAgentServerPolicy', 'AWSXrayWriteOnlyAccess']);
    expect(ControllerIdentity.adot().managedPolicyNames).toEqual(['AWSXrayWriteOnlyAccess']);
    expect(ControllerIdentity.adot({ collector: AdotCollector.PROMETHEUS_METRICS }).managedPolicyNames)
      .toEqual(['AmazonPrometheusRemoteWriteAccess', 'CloudWatchAgentServerPolicy']);
    expect(ControllerIdentity.adot({ collector: AdotCollector.PROMETHEUS_METRICS, cloudWatch: false }).managedPolicyNames)
      .toEqual(['AmazonPrometheusRemoteWriteAccess']);
    expect(ControllerIdentity.adot({ collector: AdotCollector.CONTAINER_LOGS }).managedPolicyNames).toEqual(['CloudWatchAgentServerPolicy']);
    expect(ControllerIdentity.efsCsiNode().managedPolicyNames).toEqual(['AmazonElasticFileSystemsUtils']);
    expect(ControllerIdentity.efsCsiNode({ s3Files: true }).managedPolicyNames)
      .toEqual(['AmazonS3FilesClientFullAccess', 'AmazonS3ReadOnlyAccess', 'AmazonElasticFileSystemsUtils']);
    expect(ControllerIdentity.efsCsiNode({ s3Files: true, version: 'v3.2.0' }).managedPolicyNames).toEqual(['AmazonS3ReadOnlyAccess', 'AmazonElasticFileSystemsUtils']);
    const stack = newStack();
    // AmazonEBSCSIDriverPolicyV2 has the path / (the AWS managed policy reference), unlike V1.
    expect(ControllerIdentity.ebsCsiDriver().managedPolicies().map((p) => stack.resolve(p.managedPolicyArn))).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonEBSCSIDriverPolicyV2']] },
    ]);
  });

  test('namespace and service account can be overridden (a differently installed chart)', () => {
    const entry = ControllerIdentity.externalDns({ hostedZoneIds: [ZONE_A], namespace: 'dns', serviceAccountName: 'edns' });
    expect([entry.namespace, entry.serviceAccountName, entry.usesDefaultServiceAccount]).toEqual(['dns', 'edns', false]);
  });
});

describe('bad inputs fail at synth, naming the construct', () => {
  const stack = newStack();

  test('External Secrets: Parameter Store pushes need parameters, and v0.10.1 or later', () => {
    expect(errorOf(() => ControllerIdentity.externalSecrets({ secretArns: [SECRET_ARN], pushParameters: true }).statements(stack))).toBe(
      'Stack: the External Secrets Operator catalog entry pushes parameters but got no parameterArns. '
      + "Fix: pass the ARNs of the parameters PushSecret writes, e.g. parameterArns: ['arn:aws:ssm:eu-west-1:111122223333:parameter/pushed/*']");
    expect(errorOf(() => ControllerIdentity.externalSecrets({ version: 'v0.10.0', parameterArns: [PARAMETER_ARN], pushParameters: true }).statements(stack)))
      .toBe('Stack: the External Secrets Operator documentation has no Parameter Store push policy before v0.10.1 (policy range v0.9.5). '
        + 'Fix: run v0.10.1 or later and give that version, or leave pushParameters out and add the ssm:PutParameter statements yourself');
  });

  test('no hosted zones', () => {
    expect(errorOf(() => ControllerIdentity.externalDns({ hostedZoneIds: [] }).statements(stack))).toBe(
      "Stack: the ExternalDNS catalog entry got no hosted zones. Fix: pass the IDs of the Route 53 hosted zones it may change, e.g. hostedZoneIds: ['Z0123456789ABCDEFGHIJ']");
  });

  test('a hosted zone name instead of an ID', () => {
    expect(errorOf(() => ControllerIdentity.certManager({ hostedZoneIds: ['example.com'] }).statements(stack))).toBe(
      "Stack: 'example.com' is not a Route 53 hosted zone ID. Fix: use the zone ID (upper-case letters and digits, e.g. Z0123456789ABCDEFGHIJ), e.g. zone.hostedZoneId");
  });

  test('a token hosted zone ID is taken as it is', () => {
    const zoneId = Token.asString({ Ref: 'Zone' });
    expect(policyResources(ControllerIdentity.externalDns({ hostedZoneIds: [zoneId] }))).toContainEqual(
      { 'Fn::Join': ['', ['arn:aws:route53:::hostedzone/', { Ref: 'Zone' }]] });
  });

  test('an object ARN instead of a bucket ARN', () => {
    expect(errorOf(() => ControllerIdentity.mountpointS3CsiDriver({ bucketArns: ['arn:aws:s3:::my-bucket/*'] }).statements(stack))).toBe(
      "Stack: 'arn:aws:s3:::my-bucket/*' is not an S3 bucket ARN. Fix: use arn:<partition>:s3:::<bucket-name> (no object path), e.g. bucket.bucketArn");
  });

  test('no buckets', () => {
    expect(errorOf(() => ControllerIdentity.mountpointS3CsiDriver({ bucketArns: [] }).statements(stack))).toBe(
      'Stack: the Mountpoint for Amazon S3 CSI driver catalog entry got no buckets. Fix: pass the ARNs of the buckets it mounts, e.g. bucketArns: [bucket.bucketArn]');
  });

  test('a deploy-time cluster name where it becomes part of a condition key', () => {
    expect(errorOf(() => ControllerIdentity.karpenter({ clusterName: Token.asString({ Ref: 'Cluster' }), nodeRoleArn: NODE_ROLE_ARN }).statements(stack))).toBe(
      'Stack: the Karpenter catalog entry needs the cluster name as a literal (it becomes part of IAM condition keys), got a deploy-time value. '
      + "Fix: pass the cluster name as a string, e.g. clusterName: 'myeks'");
  });

  test('an invalid cluster name', () => {
    expect(errorOf(() => ControllerIdentity.clusterAutoscaler({ clusterName: 'my eks' }).statements(stack))).toBe(
      "Stack: 'my eks' is not a valid EKS cluster name. Fix: use 1-100 characters from [A-Za-z0-9_-], starting with a letter or digit");
  });

  test('a node role that is not a role ARN', () => {
    expect(errorOf(() => ControllerIdentity.karpenter({ clusterName: 'myeks', nodeRoleArn: 'KarpenterNodeRole' }).statements(stack))).toBe(
      "Stack: nodeRoleArn 'KarpenterNodeRole' is not an ARN. Fix: give the ARN of an IAM role, arn:aws:iam::<account>:role/[<path>/]<name>");
    // The core's role ARN check: a user is not a role, a path is allowed.
    expect(errorOf(() => ControllerIdentity.karpenter({ clusterName: 'myeks', nodeRoleArn: 'arn:aws:iam::123456789012:user/KarpenterNodeRole' }).statements(stack)))
      .toMatch(/^Stack: nodeRoleArn '.+:user\/KarpenterNodeRole' is not an IAM role ARN/);
    expect(() => ControllerIdentity.karpenter({ clusterName: 'myeks', nodeRoleArn: 'arn:aws:iam::123456789012:role/nodes/KarpenterNodeRole' }).statements(stack))
      .not.toThrow();
  });

  function policyResources(entry: ControllerIdentity): any[] {
    return entry.statements(stack).flatMap((s) => stack.resolve(s.toStatementJson()).Resource);
  }
});
