import { makeChange, pairByKey, without } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeKind } from '../diff-types';
import { ProviderSnapshot } from '../identity-snapshot';

/*
 * IAM OIDC providers, matched by cluster (or issuer): whether they exist, and their audiences
 * (client ids: STS accepts tokens only for listed audiences,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html).
 */

function providerChange(before: ProviderSnapshot | undefined, after: ProviderSnapshot | undefined): IdentityChange | undefined {
  const p = (after ?? before)!;
  const base = { area: IdentityChangeArea.OIDC_PROVIDER, subject: p.label, stackName: p.stackName, logicalId: p.logicalId };
  if (!before || !after) {
    return makeChange({
      ...base,
      kind: after ? IdentityChangeKind.ADDED : IdentityChangeKind.REMOVED,
      summary: `${p.label} ${after ? 'added' : 'removed'}`,
      details: [`${after ? '+' : '-'} audiences ${p.clientIds.join(', ') || '(none)'}`],
    });
  }
  const added = without(after.clientIds, before.clientIds);
  const removed = without(before.clientIds, after.clientIds);
  if (added.length + removed.length === 0) return undefined;
  return makeChange({
    ...base,
    kind: IdentityChangeKind.CHANGED,
    widens: added.length > 0,
    summary: `audiences of ${p.label} changed`,
    details: [...added.map((c) => `+ audience ${c}`), ...removed.map((c) => `- audience ${c}`)],
  });
}

/** The OIDC provider changes between two assemblies. */
export function oidcProviderChanges(before: Map<string, ProviderSnapshot>, after: Map<string, ProviderSnapshot>): IdentityChange[] {
  return pairByKey(before, after).flatMap((p) => providerChange(p.before, p.after) ?? []);
}
