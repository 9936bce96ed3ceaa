import { CLUSTER_ADMIN_BINDING_FIX, clusterRoleRisk } from '../../core/rbac';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-RBAC-002: no binding to cluster-admin. */
export const rbacClusterAdminBinding: Rule = {
  id: 'EKSID-RBAC-002',
  statement: 'No RoleBinding or ClusterRoleBinding binds the cluster-admin ClusterRole (grant cluster admin with an access policy, where the report shows it).',
  level: CheckLevel.WARNING,
  fix: CLUSTER_ADMIN_BINDING_FIX,
  check: (model) => model.rbacObjects.filter((o) => (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') && o.roleRef?.kind === 'ClusterRole')
    .flatMap((binding) => {
      const risk = clusterRoleRisk(binding.roleRef!.name, binding.kind === 'RoleBinding' ? binding.namespace : undefined);
      return risk ? [{
        ...at(binding.logicalId ? binding : { stackName: binding.stackName }),
        message: `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ''}${binding.name} (${binding.source}): ${risk}, for ${binding.subjects.map((s) => `${s.kind} ${s.name}`).join(', ') || 'no subject'}`,
        fix: rbacClusterAdminBinding.fix,
      }] : [];
    }),
};
