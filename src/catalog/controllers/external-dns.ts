import { IConstruct } from 'constructs';
import { ControllerDefinition, hostedZoneArns, statement, statementTarget } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

/**
 * Inputs of the ExternalDNS entry.
 */
export interface ExternalDnsOptions extends ControllerOptions {
  /**
   * IDs of the Route 53 hosted zones ExternalDNS may change (`Z0123...`; `/hostedzone/Z0123...`
   * is accepted too), e.g. `zone.hostedZoneId`.
   */
  readonly hostedZoneIds: string[];
}

/**
 * ExternalDNS (kubernetes-sigs/external-dns) with the AWS (Route 53) provider.
 *
 * Statements written from the IAM policy in the ExternalDNS AWS tutorial (docs/tutorials/aws.md,
 * v0.15.0: `ChangeResourceRecordSets` on hosted zones, `ListHostedZones`,
 * `ListResourceRecordSets` and `ListTagsForResource`), with record reads and tag reads scoped to
 * the given zones, which the tutorial leaves at `*`. `ListHostedZones` takes no resource.
 *
 * Pod identity: from v0.15.0. ExternalDNS moved its AWS provider to aws-sdk-go-v2 in
 * kubernetes-sigs/external-dns#4640 (merged August 2024, released in v0.15.0); every aws-sdk-go-v2
 * release since 2023-11-14 has the EKS Pod Identity credential provider (AWS EKS user guide,
 * "Use pod identity with the AWS SDK"). Older releases use aws-sdk-go v1, whose update for pod
 * identity was blocked for a while (kubernetes-sigs/external-dns#4083); the catalog vouches only
 * for the SDK v2 releases.
 * @internal
 */
export function externalDnsDefinition(options: ExternalDnsOptions): ControllerDefinition {
  return {
    name: 'ExternalDNS',
    defaultNamespace: 'external-dns',
    defaultServiceAccountName: 'external-dns',
    managedPolicyNames: [],
    policyVersion: 'v0.15.0',
    minimumPodIdentityVersion: 'v0.15.0',
    statements: (scope: IConstruct) => {
      const zones = hostedZoneArns(scope, 'ExternalDNS', statementTarget(scope), options.hostedZoneIds);
      return [
        statement('ChangeRecordsInZones', ['route53:ChangeResourceRecordSets'], zones),
        statement('ReadZones', ['route53:ListResourceRecordSets', 'route53:ListTagsForResource'], zones),
        statement('ListZones', ['route53:ListHostedZones'], ['*']),
      ];
    },
  };
}
