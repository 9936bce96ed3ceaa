import { ParsedIamArn } from './arn';

/*
 * The roles IAM Identity Center makes in each account for a permission set:
 * `arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<permission set>_<suffix>`,
 * with no region segment when Identity Center is in us-east-1 (IAM Identity Center User Guide,
 * "Referencing permission sets in resource policies, Amazon EKS, and AWS KMS",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html).
 */

/** The path every IAM Identity Center role lives under (a region segment may follow). */
export const IDENTITY_CENTER_ROLE_PATH = '/aws-reserved/sso.amazonaws.com/';

/** How the name of an IAM Identity Center role starts. */
export const IDENTITY_CENTER_ROLE_NAME_PREFIX = 'AWSReservedSSO_';

/** Whether a role name is the name of an IAM Identity Center role (`AWSReservedSSO_...`). */
export function isIdentityCenterRoleName(name: string): boolean {
  return name.startsWith(IDENTITY_CENTER_ROLE_NAME_PREFIX);
}

/** Whether a parsed role ARN carries the IAM Identity Center path. */
export function hasIdentityCenterPath(parsed: ParsedIamArn): boolean {
  return parsed.resourceType === 'role' && parsed.path.startsWith(IDENTITY_CENTER_ROLE_PATH);
}
