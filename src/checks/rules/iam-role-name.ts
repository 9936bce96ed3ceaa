import { MAX_ROLE_NAME_LENGTH } from '../../aws-limits';
import { CheckLevel } from '../check-types';
import { findPlaceholders } from '../model/intrinsics';
import { at, Rule } from '../rule';

const MAX_ROLE_NAME = MAX_ROLE_NAME_LENGTH;

/** The reason a role name is invalid, if it is; placeholders (deploy-time parts) are skipped. */
export function roleNameProblem(name: string): string | undefined {
  const literal = findPlaceholders(name).reduce((rest, p) => rest.replace(p, ''), name);
  const invalid = [...new Set(literal.replace(/[\w+=,.@-]/g, ''))];
  if (invalid.length > 0) return `contains ${invalid.map((c) => JSON.stringify(c)).join(', ')}, outside [\\w+=,.@-]`;
  if (literal.length > MAX_ROLE_NAME) return `is ${literal.length} characters${literal === name ? '' : ' without its deploy-time parts'}, over ${MAX_ROLE_NAME}`;
  if (name.length === 0) return 'is empty';
  return undefined;
}

/** EKSID-IAM-006: role names are valid. */
export const iamRoleName: Rule = {
  id: 'EKSID-IAM-006',
  statement: `A role name is 1 to ${MAX_ROLE_NAME} characters of [\\w+=,.@-].`,
  level: CheckLevel.ERROR,
  check: (model) => model.roles.flatMap((role) => {
    const problem = role.roleName === undefined ? undefined : roleNameProblem(role.roleName);
    return problem ? [{
      ...at(role, 'Properties/RoleName'),
      message: `role ${role.logicalId} has RoleName "${role.roleName}", which ${problem}: IAM rejects it`,
      fix: `use at most ${MAX_ROLE_NAME} characters of letters, digits and +=,.@_-, or leave RoleName unset to let CloudFormation name the role`,
    }] : [];
  }),
};
