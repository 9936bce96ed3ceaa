import { AccessEntryReport, ClusterReport, CreatorAdmin, ServiceAccountBinding } from './report-types';
import { CreatorAdminEntry, creatorAdminEntry } from '../core/access-entry-rules';
import { AccessScopeType } from '../core/access-policy';
import { IdentityMode } from '../core/identity-mode';
import { TrustScope } from '../core/trust/trust-scope';

/* Words the Markdown and the Mermaid renderings share. */

/** How a mode is written. */
export function modeName(mode: IdentityMode): string {
  return mode === IdentityMode.POD_IDENTITY ? 'Pod Identity' : 'IRSA';
}

/** The service account(s) of a binding, e.g. `default/my-sa`. */
export function serviceAccountLabel(b: ServiceAccountBinding): string {
  if (b.scope === TrustScope.ANY_SERVICE_ACCOUNT) return 'any service account';
  if (b.addonName !== undefined && b.namespace === '') return `(add-on ${b.addonName})/${b.serviceAccount}`;
  return `${b.namespace}/${b.serviceAccount}`;
}

export function accessPolicyText(p: AccessEntryReport['accessPolicies'][number]): string {
  return p.scope === AccessScopeType.NAMESPACE ? `${p.policyName} (namespace ${p.namespaces.join(', ')})` : `${p.policyName} (cluster)`;
}

/** The access entry EKS makes for the principal that creates a cluster of the templates (the core's words), when it makes one. */
export function creatorAdminEntryOf(cluster: ClusterReport): CreatorAdminEntry | undefined {
  if (cluster.creatorAdmin === undefined || cluster.creatorAdmin === CreatorAdmin.NOT_GRANTED) return undefined;
  return creatorAdminEntry(cluster.creatorAdmin === CreatorAdmin.GRANTED ? true : undefined);
}
