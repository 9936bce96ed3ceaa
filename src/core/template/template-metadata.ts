/*
 * What the library records in a template's `Metadata` section for the readers of templates (the
 * rule pack, the report, the diff, the test helpers): the clusters a stack imports, which have no
 * resource of their own, so a reader can tell that an issuer, a provider and a cluster name are
 * one cluster.
 */

/** The key of the library's entry in a template's `Metadata`. */
export const TEMPLATE_METADATA_KEY = 'cdk-eks-identity';

/** One imported cluster, as recorded (values may be intrinsics). */
export interface ImportedClusterMetadata {
  readonly clusterName: unknown;
  readonly openIdConnectIssuerUrl: unknown;
  readonly openIdConnectProviderArn: unknown;
}

/** The library's entry in a template's `Metadata`. */
export interface IdentityTemplateMetadata {
  readonly importedClusters?: ImportedClusterMetadata[];
}
