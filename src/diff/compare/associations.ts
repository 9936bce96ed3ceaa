import { isKnown } from '../../core/deploy-time';
import { flagsWhen, makeChange, pairByKey } from '../change-list';
import { IdentityChange, IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from '../diff-types';
import { AssociationSnapshot } from '../identity-snapshot';

/*
 * EKS Pod Identity associations, matched by cluster, namespace (or add-on) and service account:
 * which role the service account gets, whether session tags are sent (without them the trust
 * cannot be scoped), whether a session policy restricts the credentials, and which cross-account
 * target role the association chains to.
 */

function place(a: AssociationSnapshot) {
  return {
    subject: `pod identity association of ${a.serviceAccountLabel}`,
    cluster: a.clusterLabel,
    stackName: a.stackName,
    logicalId: a.logicalId,
  };
}

function describe(a: AssociationSnapshot): string[] {
  return [
    `gets ${a.roleLabel}${a.admitted === false ? ` (but ${a.verdict})` : ''}`,
    ...(a.sessionTagsDisabled ? ['session tags disabled: the trust cannot be scoped to this service account'] : []),
    ...(a.sessionPolicy !== undefined ? ['a session policy restricts the credentials'] : []),
  ];
}

function associationChange(
  before: AssociationSnapshot | undefined, after: AssociationSnapshot | undefined, rolesBefore: Set<string>,
): IdentityChange | undefined {
  if (!before) {
    const a = after!;
    return makeChange({
      area: IdentityChangeArea.POD_IDENTITY_ASSOCIATION,
      kind: IdentityChangeKind.ADDED,
      // An existing role handed to one more service account: more pods get its credentials.
      widens: rolesBefore.has(a.role) && a.admitted !== false,
      ...place(a),
      summary: `${a.serviceAccountLabel} in ${a.clusterLabel} now gets ${a.roleLabel} by EKS Pod Identity`,
      details: describe(a).map((d) => `+ ${d}`),
    });
  }
  if (!after) {
    return makeChange({
      area: IdentityChangeArea.POD_IDENTITY_ASSOCIATION,
      kind: IdentityChangeKind.REMOVED,
      ...place(before),
      summary: `${before.serviceAccountLabel} in ${before.clusterLabel} no longer gets ${before.roleLabel} by EKS Pod Identity`,
      details: describe(before).map((d) => `- ${d}`),
    });
  }
  const details: string[] = [];
  if (before.role !== after.role) details.push(`role: ${before.roleLabel} → ${after.roleLabel}`);
  const tagsOff = !before.sessionTagsDisabled && after.sessionTagsDisabled;
  if (before.sessionTagsDisabled !== after.sessionTagsDisabled) {
    details.push(tagsOff ? 'session tags disabled: the trust can no longer be scoped to this service account' : 'session tags enabled again');
  }
  const policyGone = before.sessionPolicy !== undefined && after.sessionPolicy === undefined;
  if (before.sessionPolicy !== after.sessionPolicy) {
    details.push(policyGone ? 'session policy removed: the credentials are no longer restricted by it'
      : before.sessionPolicy === undefined ? 'session policy added' : 'session policy changed');
  }
  const nowAdmitted = before.admitted === false && after.admitted === true;
  if (before.verdict !== after.verdict) details.push(`trust verdict: ${before.verdict} → ${after.verdict}`);
  if (details.length === 0) return undefined;
  return makeChange({
    area: IdentityChangeArea.POD_IDENTITY_ASSOCIATION,
    kind: IdentityChangeKind.CHANGED,
    flags: flagsWhen([[IdentityChangeFlag.BROADENED_TRUST, tagsOff]]),
    widens: policyGone || nowAdmitted,
    ...place(after),
    summary: `pod identity association of ${after.serviceAccountLabel} in ${after.clusterLabel} changed`,
    details,
  });
}

/** A target role for a detail line: its label, and its ARN when that is literal and says more (the account). */
function targetText(a: AssociationSnapshot): string {
  const arn = a.targetRoleArn;
  return arn !== undefined && isKnown(arn) && !a.targetRoleLabel!.includes(arn) ? `${a.targetRoleLabel} (${arn})` : a.targetRoleLabel!;
}

function targetRoleChange(before: AssociationSnapshot | undefined, after: AssociationSnapshot | undefined): IdentityChange | undefined {
  const b = before?.targetRole;
  const a = after?.targetRole;
  if (b === a) return undefined;
  const association = (after ?? before)!;
  const kind = b === undefined ? IdentityChangeKind.ADDED : a === undefined ? IdentityChangeKind.REMOVED : IdentityChangeKind.CHANGED;
  const summary = kind === IdentityChangeKind.REMOVED
    ? `${association.serviceAccountLabel} in ${association.clusterLabel} no longer chains to a target role`
    : `${association.serviceAccountLabel} in ${association.clusterLabel} now chains to target ${after!.targetRoleLabel}`;
  return makeChange({
    area: IdentityChangeArea.TARGET_ROLE,
    kind,
    flags: flagsWhen([[IdentityChangeFlag.BROADENED_TRUST, before !== undefined && a !== undefined]]),
    ...place(association),
    subject: `target role of ${association.serviceAccountLabel}`,
    summary,
    details: [
      ...(b !== undefined ? [`- ${targetText(before!)}`] : []),
      ...(a !== undefined ? [`+ ${targetText(after!)}: pods get its credentials`] : []),
    ],
  });
}

/** The association and target role changes between two assemblies. */
export function associationChanges(
  before: Map<string, AssociationSnapshot>, after: Map<string, AssociationSnapshot>, rolesBefore: Set<string>,
): IdentityChange[] {
  return pairByKey(before, after).flatMap((p) => [
    associationChange(p.before, p.after, rolesBefore),
    targetRoleChange(p.before, p.after),
  ].filter((c): c is IdentityChange => c !== undefined));
}
