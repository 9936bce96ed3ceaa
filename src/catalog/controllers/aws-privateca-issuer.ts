import { IConstruct } from 'constructs';
import { ControllerOptions } from '../controller-options';
import { ArnKind, CatalogEntryData, ControllerDefinition, requireArns, statement } from '../private/controller-definition';

/**
 * Inputs of the AWS Private CA Issuer entry.
 */
export interface AwsPrivateCaIssuerOptions extends ControllerOptions {
  /** ARNs of the AWS Private CA certificate authorities the issuers (AWSPCAIssuer, AWSPCAClusterIssuer) name. */
  readonly certificateAuthorityArns: string[];
}

const CERTIFICATE_AUTHORITY: ArnKind = {
  what: 'AWS Private CA certificate authority',
  article: 'an',
  pattern: /^arn:[a-z-]+:acm-pca:[a-z0-9-]+:\d{12}:certificate-authority\/[0-9a-f-]+$/,
  example: 'arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<id>',
};

/**
 * The AWS Private CA Issuer for cert-manager (cert-manager/aws-privateca-issuer), service account
 * `aws-privateca-issuer/aws-privateca-issuer` of its Helm chart (charts/aws-pca-issuer; the
 * service account is the release's full name) installed as release `aws-privateca-issuer` in
 * namespace `aws-privateca-issuer`.
 *
 * Statements written from the policy of the README (v1.2.5; unchanged through v1.9.0):
 * `acm-pca:DescribeCertificateAuthority`, `GetCertificate` and `IssueCertificate` on the
 * certificate authorities.
 *
 * Pod identity: from v1.2.7, by its SDK: go.mod at v1.2.7 requires
 * github.com/aws/aws-sdk-go-v2/config v1.26.2 (v1.2.6: v1.19.0, which predates the EKS Pod Identity
 * credential provider of aws-sdk-go-v2, November 2023).
 * @internal
 */
export const AWS_PRIVATECA_ISSUER: CatalogEntryData = {
  id: 'aws-privateca-issuer',
  name: 'AWS Private CA Issuer',
  factory: 'awsPrivateCaIssuer',
  defaultNamespace: 'aws-privateca-issuer',
  defaultServiceAccountName: 'aws-privateca-issuer',
  defaultsMatch: 'the Helm chart awspca/aws-privateca-issuer installed as release aws-privateca-issuer in namespace aws-privateca-issuer',
  ranges: [{ since: 'v1.2.5', change: 'the policy of the README at v1.2.5 (unchanged through v1.9.0)' }],
  newestKnownVersion: 'v1.9.0',
  olderVersionsReason: 'the catalog\'s copy of the README\'s policy starts at v1.2.5',
  podIdentity: { minimumVersion: 'v1.2.7', source: 'go.mod at v1.2.7: github.com/aws/aws-sdk-go-v2/config v1.26.2 (v1.2.6: v1.19.0)' },
  narrowings: [],
};

/** @internal */
export function awsPrivateCaIssuerDefinition(options: AwsPrivateCaIssuerOptions): ControllerDefinition {
  return {
    entry: AWS_PRIVATECA_ISSUER,
    managedPolicyNames: () => [],
    statements: (scope: IConstruct) => [
      statement('IssueCertificates', ['acm-pca:DescribeCertificateAuthority', 'acm-pca:GetCertificate', 'acm-pca:IssueCertificate'],
        requireArns(scope, 'AWS Private CA Issuer', CERTIFICATE_AUTHORITY, options.certificateAuthorityArns)),
    ],
  };
}
