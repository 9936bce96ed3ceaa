import { RolePair } from '../role-pairs';

/** The subject and place of a change about a role: the role after, else before. */
export function rolePlace(pair: RolePair): { subject: string; stackName: string; logicalId: string } {
  const role = (pair.after ?? pair.before)!;
  const renamed = pair.before && pair.after && pair.before.key !== pair.after.key ? ` (was ${pair.before.key})` : '';
  return { subject: `${role.label}${renamed}`, stackName: role.stackName, logicalId: role.logicalId };
}
