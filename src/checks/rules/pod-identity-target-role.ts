import { formatRoleArn, parseIamArn } from '../../core/arn';
import { isKnown } from '../../core/deploy-time';
import { POD_IDENTITY_ACTIONS } from '../../core/pod-identity';
import { targetRoleActionAllowed } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { AssociationModel, CheckModel } from '../template-model';
import { describeAssociation } from './_shared';
import { podIdentityRequest } from '../model/trust-requests';

/**
 * The association role's ARN as the target trust can compare it: as written when literal; for a
 * role of the templates with a literal name, its ARN with that name and path and the partition and
 * account left unknown (a trust that names another role is then told apart by the name).
 */
function associationRoleArn(model: CheckModel, association: AssociationModel): string {
  if (isKnown(association.roleArn)) return association.roleArn;
  const role = model.roleByArn(association.roleArn, association.stackName);
  if (!role || !isKnown(role.roleName) || !isKnown(role.path)) return association.roleArn;
  return formatRoleArn('${Ref:AWS::Partition}', '${Ref:AWS::AccountId}', role.roleName, role.path);
}

/** Why the association role cannot chain into its target role, when the templates tell. */
export function targetRoleProblem(model: CheckModel, association: AssociationModel): string | undefined {
  const target = model.roleByArn(association.targetRoleArn, association.stackName);
  if (!target?.trust) return undefined;
  const trust = model.trustOf(target);
  const roleArn = associationRoleArn(model, association);
  const request = {
    associationRoleArn: roleArn,
    account: parseIamArn(roleArn)?.account ?? roleArn,
    tags: association.disableSessionTags ? undefined : podIdentityRequest(model, association),
  };
  const refused = POD_IDENTITY_ACTIONS.filter((action) => targetRoleActionAllowed(trust, request, action) === false);
  if (refused.length === 0) return undefined;
  return `the trust policy of target role ${target.logicalId} (stack ${target.stackName}) does not allow the association role (${model.describe(association.roleArn, association.stackName)}) `
    + `${refused.join(' and ')}${association.disableSessionTags ? '' : ' with this association\'s session tags'}`;
}

/** EKSID-POD-009: a cross-account target role trusts the association role. */
export const podIdentityTargetRole: Rule = {
  id: 'EKSID-POD-009',
  statement: 'The TargetRoleArn role of a pod identity association allows the association role sts:AssumeRole and sts:TagSession.',
  level: CheckLevel.ERROR,
  fix: 'trust the association role (or its account, with ArnEquals aws:PrincipalARN) for sts:AssumeRole and sts:TagSession in the target role',
  check: (model) => model.associations.flatMap((association) => {
    const problem = targetRoleProblem(model, association);
    if (!problem) return [];
    const target = model.roleByArn(association.targetRoleArn, association.stackName)!;
    return [{
      ...at(association, 'Properties/TargetRoleArn'),
      message: `${describeAssociation(association)} chains to target role ${target.logicalId}, but ${problem}: pods fail to get credentials at runtime`,
      fix: `trust the association role (or its account, with ArnEquals aws:PrincipalARN) for sts:AssumeRole and sts:TagSession in role ${target.logicalId}`,
    }];
  }),
};
