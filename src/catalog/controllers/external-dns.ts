import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { atLeast, CatalogEntryData, ControllerDefinition, hostedZoneArns, statement, statementTarget } from '../private/controller-definition';

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
 * ExternalDNS (kubernetes-sigs/external-dns) with the AWS (Route 53) provider, service account
 * `external-dns/external-dns` of the ExternalDNS Helm chart (kubernetes-sigs/external-dns,
 * charts/external-dns) installed as release `external-dns` in namespace `external-dns`, as the
 * AWS tutorial does.
 *
 * Statements written from the IAM policy of the AWS tutorial (docs/tutorials/aws.md):
 * `ChangeResourceRecordSets` on hosted zones, `ListHostedZones`, `ListResourceRecordSets` and the
 * tag read, with record and tag reads scoped to the given zones (the tutorial leaves the reads at
 * `*` before v0.20.0, which scopes them to `hostedzone/*`). The tag read changes at v0.16.0:
 * provider/aws/aws.go at v0.16.0 calls `route53:ListTagsForResources` (plural) where v0.15 called
 * `ListTagsForResource` (the copies keep that excerpt); the tutorial caught up in v0.17.0, whose
 * policy is the copy for the v0.16.0 range.
 *
 * Pod identity: from v0.14.1, by its SDK. v0.14.1 builds on github.com/aws/aws-sdk-go v1.51.1
 * (go.mod at v0.14.1), v0.15.0 on v1.55.5, past v1.47.11, the first aws-sdk-go release with the
 * EKS Pod Identity credential provider; v0.15.1 moved to aws-sdk-go-v2 (kubernetes-sigs/external-dns#4640
 * was merged after v0.15.0 was tagged). v0.14.0 builds on v1.44.311, which predates pod identity.
 * @internal
 */
export const EXTERNAL_DNS: CatalogEntryData = {
  id: 'external-dns',
  name: 'ExternalDNS',
  factory: 'externalDns',
  defaultNamespace: 'external-dns',
  defaultServiceAccountName: 'external-dns',
  defaultsMatch: 'the external-dns Helm chart installed as release external-dns in namespace external-dns (docs/tutorials/aws.md)',
  ranges: [
    { since: 'v0.14.0', change: 'docs/tutorials/aws.md at v0.14.0: route53:ListTagsForResource' },
    { since: 'v0.16.0', change: 'route53:ListTagsForResources (plural) replaces ListTagsForResource (provider/aws/aws.go at v0.16.0; tutorial of v0.17.0)' },
    { since: 'v0.20.0', change: 'the tutorial scopes the record and tag reads to hostedzone/* (the catalog already scopes them to the given zones)' },
  ],
  newestKnownVersion: 'v0.22.0',
  olderVersionsReason: 'the catalog\'s copies of the tutorial\'s policy start at v0.14.0',
  podIdentity: {
    minimumVersion: 'v0.14.1',
    source: 'go.mod at v0.14.1: github.com/aws/aws-sdk-go v1.51.1 (pod identity from v1.47.11); aws-sdk-go-v2 from v0.15.1',
  },
  narrowings: [
    {
      kind: NarrowingKind.RESOURCE_SCOPED,
      actions: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets', 'route53:ListTagsForResource', 'route53:ListTagsForResources'],
      description: 'record changes, record reads and tag reads are scoped to the given hosted zones (upstream: hostedzone/*, and * for the reads before v0.20.0)',
    },
  ],
};

/** @internal */
export function externalDnsDefinition(options: ExternalDnsOptions): ControllerDefinition {
  return {
    entry: EXTERNAL_DNS,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct, policyVersion: string) => {
      const zones = hostedZoneArns(scope, 'ExternalDNS', statementTarget(scope), options.hostedZoneIds);
      const tagRead = atLeast(policyVersion, 'v0.16.0') ? 'route53:ListTagsForResources' : 'route53:ListTagsForResource';
      return [
        statement('ChangeRecordsInZones', ['route53:ChangeResourceRecordSets'], zones),
        statement('ReadZones', ['route53:ListResourceRecordSets', tagRead], zones),
        statement('ListZones', ['route53:ListHostedZones'], ['*']),
      ];
    },
  };
}
