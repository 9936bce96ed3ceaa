import { reviewOrder } from './change-list';
import { accessEntryChanges } from './compare/access-entries';
import { associationChanges } from './compare/associations';
import { awsPrincipalTrustChange } from './compare/aws-principal-trust';
import { irsaTrustChanges } from './compare/irsa-trust';
import { oidcProviderChanges } from './compare/oidc-providers';
import { permissionsChange } from './compare/permissions';
import { podIdentityTrustChange } from './compare/pod-identity-trust';
import { rbacChanges } from './compare/rbac';
import { IdentityChange } from './diff-types';
import { IdentitySnapshot } from './identity-snapshot';
import { pairRoles } from './role-pairs';

/** Every change from one snapshot to another, in review order. */
export function compareSnapshots(before: IdentitySnapshot, after: IdentitySnapshot): IdentityChange[] {
  const roles = pairRoles(before.roles, after.roles);
  // Roles (by their match key in the assembly after, or ARN) a service account could be handed before.
  const existingRoles = new Set([
    ...roles.filter((p) => p.before && p.after).map((p) => p.after!.matchKey),
    ...[...before.associations.values()].map((a) => a.role),
  ]);
  return reviewOrder([
    ...roles.flatMap((pair) => [
      ...irsaTrustChanges(pair),
      podIdentityTrustChange(pair),
      awsPrincipalTrustChange(pair),
      permissionsChange(pair),
    ].filter((c): c is IdentityChange => c !== undefined)),
    ...associationChanges(before.associations, after.associations, existingRoles),
    ...oidcProviderChanges(before.providers, after.providers),
    ...accessEntryChanges(before, after),
    ...rbacChanges(before.rbac, after.rbac),
  ]);
}
