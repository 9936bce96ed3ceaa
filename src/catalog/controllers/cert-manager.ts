import { IConstruct } from 'constructs';
import { arn, ControllerDefinition, hostedZoneArns, statement, statementTarget } from '../controller-definition';
import { ControllerOptions } from '../controller-options';

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
 * cert-manager's Route 53 DNS-01 solver.
 *
 * Statements written from cert-manager's Route 53 documentation
 * (cert-manager.io/docs/configuration/acme/dns01/route53, v1.16): `GetChange` on changes,
 * `ChangeResourceRecordSets` limited to TXT records and `ListResourceRecordSets` on the hosted
 * zones, `ListHostedZonesByName` (takes no resource). Record changes are further limited to
 * `_acme-challenge.*` names, as kOps does for cert-manager (kubernetes/kops#16412).
 *
 * Pod identity: from v1.16.0. cert-manager's go.mod carries aws-sdk-go-v2 by September 2024
 * (cert-manager/cert-manager#7297 upgrades it), so v1.16.0 (October 2024) is the first release
 * known to be built on an SDK with the EKS Pod Identity credential provider. v1.14 and v1.15 use
 * aws-sdk-go v1.48 (cert-manager/cert-manager#6519), past the SDK's v1.47.11 minimum, and may work;
 * the catalog vouches only for the SDK v2 releases. cert-manager uses the service account's
 * credentials only as "ambient" credentials (a ClusterIssuer, or `--issuer-ambient-credentials`;
 * cert-manager/cert-manager#6909).
 * @internal
 */
export function certManagerDefinition(options: CertManagerOptions): ControllerDefinition {
  return {
    name: 'cert-manager',
    defaultNamespace: 'cert-manager',
    defaultServiceAccountName: 'cert-manager',
    managedPolicyNames: [],
    policyVersion: 'v1.16.0',
    minimumPodIdentityVersion: 'v1.16.0',
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
