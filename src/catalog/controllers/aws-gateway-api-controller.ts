import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { actionsSince, arn, CatalogEntryData, ControllerDefinition, statement, statementTarget } from '../private/controller-definition';

/**
 * Inputs of the AWS Gateway API Controller (Amazon VPC Lattice) entry.
 */
export interface AwsGatewayApiControllerOptions extends ControllerOptions {}

const POLICY = 'files/controller-installation/recommended-inline-policy.json';

/**
 * The AWS Gateway API Controller for Amazon VPC Lattice (aws/aws-application-networking-k8s),
 * service account `aws-application-networking-system/gateway-api-controller` of its Helm chart
 * (helm/values.yaml `serviceAccount.name`) installed in `aws-application-networking-system`, as
 * docs/guides/deploy.md does.
 *
 * Statements written from the controller's recommended inline policy ({@link POLICY} at each
 * range's tag): `vpc-lattice:*` (the controller manages every kind of VPC Lattice resource, so the
 * service wildcard is kept), VPC and tag reads, the access log delivery actions, and the
 * service-linked roles of VPC Lattice and log delivery. Resources that take an ARN are scoped to
 * the stack's account (and region): Firehose delivery streams, S3 bucket policies, the two
 * service-linked roles.
 *
 * Pod identity: from v1.0.5, whose docs/guides/deploy.md sets the controller up with EKS Pod
 * Identity (the release builds on github.com/aws/aws-sdk-go v1.50.3, past v1.47.11).
 * @internal
 */
export const AWS_GATEWAY_API_CONTROLLER: CatalogEntryData = {
  id: 'aws-gateway-api-controller',
  name: 'AWS Gateway API Controller',
  factory: 'awsGatewayApiController',
  defaultNamespace: 'aws-application-networking-system',
  defaultServiceAccountName: 'gateway-api-controller',
  defaultsMatch: 'the controller\'s Helm chart installed in aws-application-networking-system (docs/guides/deploy.md; serviceAccount.name gateway-api-controller)',
  ranges: [
    { since: 'v1.0.5', change: `${POLICY} at v1.0.5, the first tag that has it` },
    { since: 'v1.1.7', change: 'adds tag:TagResources and tag:UntagResources' },
    { since: 'v2.0.2', change: 'adds acm:ListCertificates' },
  ],
  newestKnownVersion: 'v2.1.3',
  olderVersionsReason: `${POLICY} first appears at v1.0.5`,
  podIdentity: { minimumVersion: 'v1.0.5', source: 'docs/guides/deploy.md at v1.0.5 ("To use Pod Identities ..."); go.mod: github.com/aws/aws-sdk-go v1.50.3' },
  narrowings: [
    {
      kind: NarrowingKind.RESOURCE_SCOPED,
      actions: ['firehose:TagDeliveryStream', 's3:GetBucketPolicy', 's3:PutBucketPolicy', 'iam:CreateServiceLinkedRole'],
      description: 'delivery streams of the stack\'s account and region, bucket ARNs, and the service-linked roles of the stack\'s account (upstream: * and arn:aws:iam::*)',
    },
  ],
};

/** @internal */
export function awsGatewayApiControllerDefinition(_options: AwsGatewayApiControllerOptions): ControllerDefinition {
  return {
    entry: AWS_GATEWAY_API_CONTROLLER,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct, policyVersion: string) => {
      const target = statementTarget(scope);
      const serviceLinkedRole = (service: string, role: string) => arn(target, 'iam', '', target.account, `role/aws-service-role/${service}/${role}`);
      return [
        // The controller manages every kind of VPC Lattice resource (services, networks, target
        // groups, listeners, rules, access log subscriptions), hence the service wildcard of the
        // upstream policy; its List* actions take no resource.
        statement('ManageVpcLattice', ['vpc-lattice:*'], ['*']),
        statement('DiscoverNetworkAndLogs', actionsSince(policyVersion, [
          ['v1.0.5', [
            'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeTags', 'ec2:DescribeVpcs',
            'logs:CreateLogDelivery', 'logs:DeleteLogDelivery', 'logs:DescribeLogGroups', 'logs:DescribeResourcePolicies', 'logs:GetLogDelivery',
            'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:UpdateLogDelivery', 'tag:GetResources',
          ]],
          ['v1.1.7', ['tag:TagResources', 'tag:UntagResources']],
          ['v2.0.2', ['acm:ListCertificates']],
        ]), ['*']),
        statement('TagLogDeliveryStreams', ['firehose:TagDeliveryStream'],
          [arn(target, 'firehose', target.region, target.account, 'deliverystream/*')]),
        statement('ManageLogBucketPolicies', ['s3:GetBucketPolicy', 's3:PutBucketPolicy'], [arn(target, 's3', '', '', '*')]),
        statement('CreateVpcLatticeServiceLinkedRole', ['iam:CreateServiceLinkedRole'],
          [serviceLinkedRole('vpc-lattice.amazonaws.com', 'AWSServiceRoleForVpcLattice')],
          { StringLike: { 'iam:AWSServiceName': 'vpc-lattice.amazonaws.com' } }),
        statement('CreateLogDeliveryServiceLinkedRole', ['iam:CreateServiceLinkedRole'],
          [serviceLinkedRole('delivery.logs.amazonaws.com', 'AWSServiceRoleForLogDelivery')],
          { StringLike: { 'iam:AWSServiceName': 'delivery.logs.amazonaws.com' } }),
      ];
    },
  };
}
