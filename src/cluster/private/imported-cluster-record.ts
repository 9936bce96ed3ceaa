import { Lazy, Stack } from 'aws-cdk-lib';
import { IdentityTemplateMetadata, ImportedClusterMetadata, TEMPLATE_METADATA_KEY } from '../../core/template/template-metadata';

const records = new WeakMap<Stack, ImportedClusterMetadata[]>();

/**
 * Records an imported cluster in its stack's template `Metadata`, so readers of the template can
 * name the cluster an IRSA trust's issuer belongs to (no resource, no cost).
 */
export function recordImportedCluster(stack: Stack, cluster: ImportedClusterMetadata): void {
  let list = records.get(stack);
  if (!list) {
    list = [];
    records.set(stack, list);
    const entries = list;
    const entry: IdentityTemplateMetadata = { importedClusters: Lazy.any({ produce: () => entries }) as any };
    stack.templateOptions.metadata = { ...stack.templateOptions.metadata, [TEMPLATE_METADATA_KEY]: entry };
  }
  list.push(cluster);
}
