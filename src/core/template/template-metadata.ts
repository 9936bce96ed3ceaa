/*
 * What the library records in a template's `Metadata` section for the readers of templates (the
 * rule pack, the report, the diff, the test helpers): the clusters a stack imports, which have no
 * resource of their own, so a reader can tell that an issuer, a provider and a cluster name are
 * one cluster, and what the import said about the cluster's pod identity agent and Fargate
 * namespaces.
 */

/** The key of the library's entry in a template's `Metadata`. */
export const TEMPLATE_METADATA_KEY = 'cdk-eks-identity';

/** One imported cluster, as recorded (values may be intrinsics). */
export interface ImportedClusterMetadata {
  readonly clusterName: unknown;
  readonly openIdConnectIssuerUrl: unknown;
  readonly openIdConnectProviderArn: unknown;
  /**
   * Whether the `eks-pod-identity-agent` runs in the cluster (the addon, or Auto Mode), as the
   * import said; absent when not known. The agent of a cluster made elsewhere is not in the
   * templates, so the rule pack reads it here.
   */
  readonly podIdentityAgentInstalled?: boolean;
  /** The namespaces (patterns with `*` and `?`) the cluster's Fargate profiles select; absent when none. */
  readonly fargateNamespaces?: unknown[];
}

/** The library's entry in a template's `Metadata`. */
export interface IdentityTemplateMetadata {
  readonly importedClusters?: ImportedClusterMetadata[];
}
