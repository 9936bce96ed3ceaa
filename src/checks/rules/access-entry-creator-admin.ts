import { CREATOR_ADMIN_FIX, creatorAdminWarning } from '../../core/access-entry-rules';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-013: no hidden cluster admin for the principal that creates the cluster. */
export const accessEntryCreatorAdmin: Rule = {
  id: 'EKSID-ACCESS-013',
  statement: 'A cluster sets AccessConfig.BootstrapClusterCreatorAdminPermissions to false: its admins are access entries in the templates.',
  level: CheckLevel.WARNING,
  fix: CREATOR_ADMIN_FIX,
  check: (model) => model.clusters.flatMap((cluster) => {
    const warning = creatorAdminWarning(cluster.logicalId, cluster.bootstrapCreatorAdmin);
    return warning ? [{ ...at(cluster, 'Properties/AccessConfig/BootstrapClusterCreatorAdminPermissions'), message: warning.problem, fix: warning.fix }] : [];
  }),
};
