import { parseIamArn, roleArnProblem } from '../../../core/arn';

/*
 * Reading the roles of an account as the AWS CLI prints them: `aws iam list-roles`
 * (`{"Roles": [{"Path", "RoleName", "Arn", ...}], "IsTruncated"?}`) or `aws iam get-role`
 * (`{"Role": {...}}`), IAM API reference, ListRoles and GetRole
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html).
 */

/** The roles read from the AWS CLI's output. */
export interface IamRoleList {
  /** The role ARNs, with their paths. */
  readonly roleArns: string[];
  /**
   * The accounts whose every role is listed: the account of a whole `list-roles` output, none for
   * `get-role` or a list that mixes accounts.
   */
  readonly completeAccounts: string[];
}

/** Reads `aws iam list-roles` or `aws iam get-role` JSON; throws naming what is wrong. */
export function readIamRoleList(text: string, what: string): IamRoleList {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} is not JSON (${(e as Error).message}); give the output of aws iam list-roles --output json`);
  }
  const listed = doc !== null && typeof doc === 'object' && Array.isArray(doc.Roles);
  const single = doc !== null && typeof doc === 'object' && doc.Role !== null && typeof doc.Role === 'object' && !Array.isArray(doc.Role);
  if (!listed && !single) throw new Error(`${what} has neither Roles (aws iam list-roles) nor Role (aws iam get-role)`);
  if (listed && (doc.IsTruncated === true || doc.NextToken !== undefined || doc.Marker !== undefined)) {
    throw new Error(`${what} is one page of the roles (IsTruncated, NextToken or Marker is set); run aws iam list-roles without --max-items so that it lists every role`);
  }
  const roles: unknown[] = listed ? doc.Roles : [doc.Role];
  const roleArns = roles.map((role, index) => roleArnOf(role, `${what} ${listed ? `Roles[${index}]` : 'Role'}`));
  const accounts = [...new Set(roleArns.map((arn) => parseIamArn(arn)!.account))];
  // One list-roles call lists one account; a list that mixes accounts was put together by hand.
  return { roleArns, completeAccounts: listed && accounts.length === 1 ? accounts : [] };
}

function roleArnOf(role: unknown, what: string): string {
  const r = role as { Arn?: unknown; RoleName?: unknown; Path?: unknown } | null;
  if (r === null || typeof r !== 'object' || typeof r.Arn !== 'string') throw new Error(`${what} has no Arn`);
  const problem = roleArnProblem(r.Arn, `${what} Arn`);
  if (problem) throw new Error(`${problem.problem}; ${problem.fix}`);
  const parsed = parseIamArn(r.Arn)!;
  if (r.RoleName !== undefined && r.RoleName !== parsed.name) throw new Error(`${what} has RoleName '${String(r.RoleName)}' but its Arn names the role '${parsed.name}'`);
  if (r.Path !== undefined && r.Path !== parsed.path) throw new Error(`${what} has Path '${String(r.Path)}' but its Arn has the path '${parsed.path}'`);
  return r.Arn;
}
