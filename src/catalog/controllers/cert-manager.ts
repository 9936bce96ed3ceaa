import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { NarrowingKind } from '../policy-provenance';
import { arn, CatalogEntryData, ControllerDefinition, hostedZoneArns, statement, statementTarget } from '../private/controller-definition';

/**
 * Inputs of the cert-manager entry (ACME DNS-01 challenges in Route 53).
 */
export interface CertManagerOptions extends ControllerOptions {
  /**
   * IDs of the Route 53 hosted zones cert-manager answers DNS-01 challenges in (`Z0123...`;
   * `/hostedzone/Z0123...` is accepted too).
   */
  readonly hostedZoneIds: string[];

  /**
   * Allow record changes only for names starting with `_acme-challenge.`. Turn off when challenges
   * are delegated with a CNAME to a differently named record.
   * @default true
   */
  readonly acmeChallengeRecordsOnly?: boolean;
}

/**
 * cert-manager's Route 53 DNS-01 solver, service account `cert-manager/cert-manager` of the
 * cert-manager Helm chart installed as release `cert-manager` in namespace `cert-manager`, as
 * cert-manager's installation docs do.
 *
 * Statements written from the policy of cert-manager's Route 53 documentation
 * (cert-manager/website, content/v1.14-docs and content/v1.17-docs,
 * configuration/acme/dns01/route53.md): `GetChange` on changes, `ChangeResourceRecordSets` and
 * `ListResourceRecordSets` on hosted zones, `ListHostedZonesByName` (takes no resource); from the
 * v1.17 docs record changes are limited to TXT records. The entry scopes the zone actions to the
 * given zones, limits record changes to TXT records for every version, and (by default) to
 * `_acme-challenge.*` names, as kOps does for cert-manager (kubernetes/kops#16412).
 *
 * Pod identity: from v1.15.0, the first release on aws-sdk-go-v2 (go.mod at v1.15.0:
 * github.com/aws/aws-sdk-go-v2/config v1.27.15; the move landed in January 2024). v1.14 builds on
 * github.com/aws/aws-sdk-go v1.49.13 (go.mod at v1.14.0), past the SDK's v1.47.11 minimum, and may
 * work; the catalog vouches for the SDK v2 releases. cert-manager uses the service account's
 * credentials only as "ambient" credentials (a ClusterIssuer, or `--issuer-ambient-credentials`).
 * @internal
 */
export const CERT_MANAGER: CatalogEntryData = {
  id: 'cert-manager',
  name: 'cert-manager',
  factory: 'certManager',
  defaultNamespace: 'cert-manager',
  defaultServiceAccountName: 'cert-manager',
  defaultsMatch: 'the cert-manager Helm chart installed as release cert-manager in namespace cert-manager (cert-manager installation docs)',
  ranges: [
    { since: 'v1.14.0', change: 'route53.md of the v1.14 docs (the same through v1.16)' },
    { since: 'v1.17.0', change: 'the v1.17 docs limit record changes to TXT records (ForAllValues:StringEquals route53:ChangeResourceRecordSetsRecordTypes)' },
  ],
  newestKnownVersion: 'v1.21.1',
  olderVersionsReason: 'the catalog\'s copies of cert-manager\'s Route 53 policy start at the v1.14 docs',
  podIdentity: {
    minimumVersion: 'v1.15.0',
    source: 'go.mod at v1.15.0: github.com/aws/aws-sdk-go-v2/config v1.27.15 (aws-sdk-go-v2 since January 2024)',
  },
  narrowings: [
    {
      kind: NarrowingKind.RESOURCE_SCOPED,
      actions: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'],
      description: 'record changes and reads are scoped to the given hosted zones (upstream: hostedzone/*)',
    },
    {
      kind: NarrowingKind.CONDITION_ADDED,
      actions: ['route53:ChangeResourceRecordSets'],
      conditionKeys: ['route53:ChangeResourceRecordSetsRecordTypes', 'route53:ChangeResourceRecordSetsNormalizedRecordNames'],
      description: 'record changes are limited to TXT records (as the v1.17 docs do) and, with acmeChallengeRecordsOnly, to _acme-challenge.* names',
    },
  ],
};

/** @internal */
export function certManagerDefinition(options: CertManagerOptions): ControllerDefinition {
  return {
    entry: CERT_MANAGER,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct) => {
      const target = statementTarget(scope);
      const zones = hostedZoneArns(scope, 'cert-manager', target, options.hostedZoneIds);
      const acmeOnly = options.acmeChallengeRecordsOnly ?? true;
      return [
        statement('GetChangeStatus', ['route53:GetChange'], [arn(target, 'route53', '', '', 'change/*')]),
        statement('ChangeChallengeRecords', ['route53:ChangeResourceRecordSets'], zones, {
          'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['TXT'] },
          ...(acmeOnly ? { 'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['_acme-challenge.*'] } } : {}),
        }),
        statement('ListRecordsInZones', ['route53:ListResourceRecordSets'], zones),
        statement('FindZones', ['route53:ListHostedZonesByName'], ['*']),
      ];
    },
  };
}
