import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-013: no hidden cluster admin for the principal that creates the cluster. */
export const accessEntryCreatorAdmin: Rule = {
  id: 'EKSID-ACCESS-013',
  statement: 'A cluster sets AccessConfig.BootstrapClusterCreatorAdminPermissions to false: its admins are access entries in the templates.',
  level: CheckLevel.WARNING,
  fix: 'set BootstrapClusterCreatorAdminPermissions to false and grant cluster admin with access entries (changing it replaces the cluster: decide before creating it)',
  check: (model) => model.clusters.filter((c) => c.bootstrapCreatorAdmin !== false).map((cluster) => ({
    ...at(cluster, 'Properties/AccessConfig/BootstrapClusterCreatorAdminPermissions'),
    message: `cluster ${cluster.logicalId} gives the principal that creates it (with CloudFormation, the stack's execution role) a cluster-admin access entry `
      + `that appears in no template${cluster.bootstrapCreatorAdmin === undefined ? ' (BootstrapClusterCreatorAdminPermissions is not set; EKS defaults it to true)' : ''}`,
    fix: accessEntryCreatorAdmin.fix,
  })),
};
