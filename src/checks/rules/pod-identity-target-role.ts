import { CheckLevel } from '../check-types';
import { allowsAction, PolicyStatement } from '../model/policy-document';
import { at, Rule } from '../rule';
import { AssociationModel, CheckModel, roleNameFromArn } from '../template-model';

/**
 * Whether a trust statement may admit the association role: it names an account, that role, or a
 * role that cannot be told apart from it at synth. Only a provably different role is excluded.
 */
function admitsRole(model: CheckModel, statement: PolicyStatement, stackName: string, association: AssociationModel): boolean {
  if (statement.principals['*'] !== undefined) return true;
  const associationRole = model.roleByArn(association.roleArn, association.stackName);
  return (statement.principals.AWS ?? []).some((principal) => {
    if (principal === association.roleArn || /^\d{12}$/.test(principal) || /:root$/.test(principal)) return true;
    const named = model.roleByArn(principal, stackName);
    if (named && associationRole) return named === associationRole;
    const name = roleNameFromArn(principal);
    return name === undefined || associationRole?.roleName === undefined || associationRole.roleName === name;
  });
}

/** EKSID-POD-009: a cross-account target role trusts the association role. */
export const podIdentityTargetRole: Rule = {
  id: 'EKSID-POD-009',
  statement: 'The TargetRoleArn role of a pod identity association allows the association role sts:AssumeRole and sts:TagSession.',
  level: CheckLevel.ERROR,
  check: (model) => model.associations.flatMap((association) => {
    const target = model.roleByArn(association.targetRoleArn, association.stackName);
    if (!target?.trust) return [];
    const statements = target.trust.statements.filter((s) => admitsRole(model, s, target.stackName, association));
    const missing = ['sts:AssumeRole', 'sts:TagSession'].filter((action) => !statements.some((s) => allowsAction(s, action)));
    if (missing.length === 0) return [];
    return [{
      ...at(association, 'Properties/TargetRoleArn'),
      message: `pod identity association ${association.logicalId} (${association.namespace}/${association.serviceAccount}) chains to target role `
        + `${target.logicalId} (stack ${target.stackName}), whose trust policy does not allow the association role ${association.roleArn} `
        + `${missing.join(' and ')}: pods fail to get credentials at runtime`,
      fix: `trust the association role (or its account, with ArnEquals aws:PrincipalARN) for sts:AssumeRole and sts:TagSession in role ${target.logicalId}`,
    }];
  }),
};
