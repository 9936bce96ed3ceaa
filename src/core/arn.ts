import { describeCharacters, isKnown, isOpaque, literalShape, splitLiteral } from './deploy-time';
import { Problem } from './errors';
import { ACCOUNT_ID_LENGTH } from './limits';
import { iamPathProblem, roleNameProblem } from './role-name';

/*
 * ARNs: `arn:<partition>:<service>:<region>:<account>:<resource>`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). Parts that are deploy-time
 * values are kept as they are and not judged; the literal rest is.
 */

/** The AWS partitions. */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/** The parts of an ARN. */
export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the account (may contain `:` and `/`). */
  readonly resource: string;
}

/** The parts of an IAM or STS resource ARN (`role/path/name`, `user/name`, `oidc-provider/issuer`, ...). */
export interface ParsedIamArn extends ParsedArn {
  /** `role`, `user`, `assumed-role`, `oidc-provider`, ... (the resource up to the first `/`). */
  readonly resourceType: string;
  /** The path between the resource type and the name, with its slashes (`/` when none). */
  readonly path: string;
  /** The last segment of the resource (for an assumed role: the session name). */
  readonly name: string;
  /** The resource after the resource type (`path + name`). */
  readonly resourceName: string;
}

/** Splits an ARN into its parts, or undefined when it is not shaped like one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const parts = splitLiteral(arn, ':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

/** Splits an IAM/STS ARN into its parts (see `ParsedIamArn`), or undefined when it is not an ARN. */
export function parseIamArn(arn: string): ParsedIamArn | undefined {
  const parsed = parseArn(arn);
  if (!parsed) return undefined;
  const segments = splitLiteral(parsed.resource, '/');
  if (segments.length === 1) return { ...parsed, resourceType: parsed.resource, path: '/', name: '', resourceName: '' };
  const [resourceType, ...rest] = segments;
  const name = rest[rest.length - 1];
  const pathSegments = rest.slice(0, -1);
  return {
    ...parsed,
    resourceType,
    path: pathSegments.length === 0 ? '/' : `/${pathSegments.join('/')}/`,
    name,
    resourceName: rest.join('/'),
  };
}

/** The partition of a region name, by its prefix (`cn-` → `aws-cn`, `us-gov-` → `aws-us-gov`, ...). */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** Why `account` is not a 12-digit AWS account id (deploy-time values are not judged). */
export function accountProblem(account: string, what: string): Problem | undefined {
  if (!isKnown(account)) return undefined;
  if (!new RegExp(`^\\d{${ACCOUNT_ID_LENGTH}}$`).test(account)) {
    return { problem: `${what} has account '${account}', which is not a ${ACCOUNT_ID_LENGTH}-digit account id`, fix: `write the ${ACCOUNT_ID_LENGTH}-digit account id (leading zeros included)` };
  }
  return undefined;
}

/** Why `partition` is not an AWS partition. */
function partitionProblem(partition: string, what: string): Problem | undefined {
  if (!isKnown(partition) || PARTITIONS.includes(partition)) return undefined;
  return { problem: `${what} has partition '${partition}', which is not an AWS partition (${PARTITIONS.join(', ')})`, fix: 'use the partition of the account, e.g. arn:aws:...' };
}

/**
 * Why an ARN's partition cannot be used from a stack of another partition, when both are known.
 * Partitions have independent instances of IAM: credentials of one partition never act in another
 * (AWS Fault Isolation Boundaries, "Partitions",
 * https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html).
 */
export function partitionMismatchProblem(partition: string, expected: string | undefined, what: string): Problem | undefined {
  if (expected === undefined || !isKnown(expected) || !isKnown(partition) || partition === expected) return undefined;
  return {
    problem: `${what} is in partition ${partition}, but the stack is in partition ${expected}; IAM principals and providers never cross partitions`,
    fix: `give the ARN in partition ${expected} (arn:${expected}:...), or deploy to a stack in a region of partition ${partition}`,
  };
}

/** Options of the ARN validators that know the stack's environment. */
export interface ArnCheckOptions {
  /** The stack's partition, when known: an ARN of another partition is rejected. */
  readonly partition?: string;
}

/** Whether a parsed IAM ARN is a service-linked role (`role/aws-service-role/...`). */
export function isServiceLinkedRole(parsed: ParsedIamArn): boolean {
  return parsed.resourceType === 'role' && parsed.path.startsWith('/aws-service-role/');
}

/** Problems every ARN can have: whitespace, wildcards, a partition that is not one. */
export function arnFormProblem(arn: string, what: string, fix: string): Problem | undefined {
  const shape = literalShape(arn, /^[^\s*?]$/u);
  if (shape.invalidCharacters.length > 0) {
    return { problem: `${what} '${arn}' contains ${describeCharacters(shape.invalidCharacters)}; an ARN of one principal has no whitespace and no wildcard`, fix };
  }
  const parsed = parseArn(arn);
  if (!parsed) return { problem: `${what} '${arn}' is not an ARN`, fix };
  return partitionProblem(parsed.partition, `${what} '${arn}'`);
}

const ROLE_OR_USER_FIX = 'give the ARN of an IAM role (arn:aws:iam::<account>:role/[<path>/]<name>) or user (arn:aws:iam::<account>:user/<name>)';

/** The IAM role ARN of an STS assumed-role session ARN (`arn:aws:sts::<acct>:assumed-role/<name>/<session>`). */
export function roleArnOfSession(parsed: ParsedIamArn): string {
  const roleName = parsed.resourceName.split('/')[0];
  return `arn:${parsed.partition}:iam::${parsed.account}:role/${roleName}`;
}

/** Why a role or user ARN's path and name are not valid. */
function pathAndNameProblem(arn: string, parsed: ParsedIamArn, what: string): Problem | undefined {
  if (parsed.name === '') return { problem: `${what} '${arn}' has no ${parsed.resourceType} name`, fix: ROLE_OR_USER_FIX };
  const nameProblem = roleNameProblem(parsed.name, `the ${parsed.resourceType} name in ${what} '${arn}'`);
  if (nameProblem) return nameProblem;
  const pathFix = 'write the path as IAM shows it, e.g. role/development/apps/my-role';
  const pathProblem = iamPathProblem(parsed.path, `the path in ${what} '${arn}'`);
  if (pathProblem) return { problem: pathProblem.problem, fix: pathFix };
  if (isKnown(parsed.path) && parsed.path.includes('//')) {
    return { problem: `${what} '${arn}' has an empty path segment`, fix: pathFix };
  }
  return undefined;
}

/**
 * Why an ARN cannot be the principal of an access entry (or another IAM principal the library
 * writes): not an ARN, whitespace or wildcards, a partition or account that is not one, an STS
 * session, a service-linked role, or anything but an IAM role (paths allowed) or user.
 */
export function principalArnProblem(arn: string, what = 'principal', options: ArnCheckOptions = {}): Problem | undefined {
  if (isOpaque(arn)) return undefined;
  const form = arnFormProblem(arn, what, ROLE_OR_USER_FIX);
  if (form) return form;
  const parsed = parseIamArn(arn)!;
  if (parsed.service === 'sts' && parsed.resourceType === 'assumed-role') {
    return {
      problem: `${what} '${arn}' is an STS assumed-role session ARN; sessions are not IAM principals and cannot have access entries`,
      fix: `use the role ARN ${roleArnOfSession(parsed)} (arn:aws:iam::<acct>:role/[<path>/]<name>)`,
    };
  }
  if (parsed.service !== 'iam' || (parsed.resourceType !== 'role' && parsed.resourceType !== 'user')) {
    return { problem: `${what} '${arn}' is not an IAM role or user ARN`, fix: ROLE_OR_USER_FIX };
  }
  if (isKnown(parsed.region) && parsed.region !== '') {
    return { problem: `${what} '${arn}' has a region ('${parsed.region}'); IAM ARNs have none`, fix: 'write arn:<partition>:iam::<account>:...' };
  }
  if (isServiceLinkedRole(parsed)) {
    return { problem: `${what} '${arn}' is a service-linked role, which cannot have an access entry`, fix: 'give the ARN of an IAM role or user you manage' };
  }
  return accountProblem(parsed.account, `${what} '${arn}'`) ?? pathAndNameProblem(arn, parsed, what)
    ?? partitionMismatchProblem(parsed.partition, options.partition, `${what} '${arn}'`);
}

/** Why an ARN is not the ARN of an IAM role (paths allowed). */
export function roleArnProblem(arn: string, what = 'role ARN'): Problem | undefined {
  if (isOpaque(arn)) return undefined;
  const fix = 'give the ARN of an IAM role, arn:aws:iam::<account>:role/[<path>/]<name>';
  const form = arnFormProblem(arn, what, fix);
  if (form) return form;
  const parsed = parseIamArn(arn)!;
  if (parsed.service !== 'iam' || parsed.resourceType !== 'role' || (isKnown(parsed.region) && parsed.region !== '')) {
    return { problem: `${what} '${arn}' is not an IAM role ARN`, fix };
  }
  return accountProblem(parsed.account, `${what} '${arn}'`) ?? pathAndNameProblem(arn, parsed, what);
}

/** The ARN of an IAM role. */
export function formatRoleArn(partition: string, account: string, name: string, path = '/'): string {
  return `arn:${partition}:iam::${account}:role${path}${name}`;
}

/** The ARN of an EKS cluster. */
export function formatClusterArn(partition: string, region: string, account: string, name: string): string {
  return `arn:${partition}:eks:${region}:${account}:cluster/${name}`;
}

/** The ARN that names a whole account as a principal (`arn:<partition>:iam::<account>:root`). */
export function formatAccountRootArn(partition: string, account: string): string {
  return `arn:${partition}:iam::${account}:root`;
}

/** The ARN of the IAM OIDC provider for an issuer (without `https://`). */
export function formatOidcProviderArn(partition: string, account: string, issuer: string): string {
  return `arn:${partition}:iam::${account}:oidc-provider/${issuer}`;
}

/** A role ARN without its path (`role/a/b/Name` → `role/Name`); anything else unchanged. */
export function withoutRolePath(arn: string): string {
  if (isOpaque(arn)) return arn;
  const parsed = parseIamArn(arn);
  if (!parsed || parsed.service !== 'iam' || parsed.resourceType !== 'role' || parsed.path === '/') return arn;
  return formatRoleArn(parsed.partition, parsed.account, parsed.name);
}

/** The role name at the end of a role ARN (`arn:...:role/path/name`), when it is known. */
export function roleNameOfArn(arn: string): string | undefined {
  const parsed = parseIamArn(arn);
  return parsed && parsed.resourceType === 'role' && parsed.name !== '' && isKnown(parsed.name) ? parsed.name : undefined;
}

/**
 * The key under which two principal ARNs are the same principal: IAM names are unique without
 * regard to case, so known ARNs compare case-insensitively; deploy-time values as written.
 */
export function principalKey(arn: string): string {
  return isKnown(arn) ? arn.toLowerCase() : arn;
}
