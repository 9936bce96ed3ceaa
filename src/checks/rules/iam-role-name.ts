import { MAX_ROLE_NAME_LENGTH } from '../../core/limits';
import { roleNameProblem } from '../../core/role-name';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-IAM-006: role names are valid. */
export const iamRoleName: Rule = {
  id: 'EKSID-IAM-006',
  statement: `A role name is 1 to ${MAX_ROLE_NAME_LENGTH} characters of letters, digits and +=,.@_-.`,
  level: CheckLevel.ERROR,
  fix: `use 1 to ${MAX_ROLE_NAME_LENGTH} letters, digits and +=,.@_- characters, or leave RoleName unset to let CloudFormation name the role`,
  check: (model) => model.roles.flatMap((role) => {
    const problem = role.roleName === undefined ? undefined : roleNameProblem(role.roleName, 'RoleName');
    return problem ? [{
      ...at(role, 'Properties/RoleName'),
      message: `role ${role.logicalId}: ${problem.problem}; IAM rejects it`,
      fix: `${problem.fix}, or leave RoleName unset to let CloudFormation name the role`,
    }] : [];
  }),
};
