import { Token } from 'aws-cdk-lib';

/**
 * What an IAM principal ARN is made of. Parts that are CDK tokens are kept as they are.
 * @internal
 */
export interface ParsedPrincipalArn {
  /** `role`, `user`, `assumed-role`, ... (the first segment of the resource). */
  readonly resourceType: string;
  readonly partition: string;
  readonly service: string;
  readonly account: string;
  /** The path between the resource type and the name, with its slashes (`/` when none). */
  readonly path: string;
  /** The last segment of the resource (for an assumed role: the session name). */
  readonly name: string;
  /** The resource after the resource type (`path + name`, or `role/session` for an assumed role). */
  readonly resourceName: string;
}

/**
 * Splits a principal ARN into its parts, or returns undefined when it is not shaped like an ARN
 * (`arn:<partition>:<service>:<region>:<account>:<type>/<name>`). A string that is one whole CDK
 * token cannot be looked into and is reported as undefined as well: check `isOpaqueToken` first.
 * @internal
 */
export function parsePrincipalArn(arn: string): ParsedPrincipalArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, , account] = parts;
  const resource = parts.slice(5).join(':');
  const slash = resource.indexOf('/');
  if (slash < 0) return { resourceType: resource, partition, service, account, path: '/', name: '', resourceName: '' };
  const resourceType = resource.slice(0, slash);
  const resourceName = resource.slice(slash + 1);
  const lastSlash = resourceName.lastIndexOf('/');
  return {
    resourceType,
    partition,
    service,
    account,
    path: lastSlash < 0 ? '/' : `/${resourceName.slice(0, lastSlash + 1)}`,
    name: resourceName.slice(lastSlash + 1),
    resourceName,
  };
}

/**
 * Whether the ARN is a CDK token that cannot be looked into (e.g. `role.roleArn`).
 * @internal
 */
export function isOpaqueToken(arn: string): boolean {
  return Token.isUnresolved(arn) && !arn.startsWith('arn:');
}

/**
 * The IAM role ARN of an STS assumed-role session ARN (`arn:aws:sts::<acct>:assumed-role/<name>/<session>`).
 * @internal
 */
export function roleArnOfSession(parsed: ParsedPrincipalArn): string {
  const roleName = parsed.resourceName.split('/')[0];
  return `arn:${parsed.partition}:iam::${parsed.account}:role/${roleName}`;
}

/**
 * The reason an ARN cannot be the principal of an access entry, with the fix; undefined when it
 * can (or cannot be looked into). STS session ARNs, service-linked roles and anything that is not
 * an IAM role or user are rejected.
 * @internal
 */
export function principalArnProblem(arn: string): { problem: string; fix: string } | undefined {
  if (isOpaqueToken(arn)) return undefined;
  const parsed = parsePrincipalArn(arn);
  if (!parsed) {
    return {
      problem: `principal '${arn}' is not an ARN`,
      fix: 'give the ARN of an IAM role (arn:aws:iam::<account>:role/<name>) or user (arn:aws:iam::<account>:user/<name>)',
    };
  }
  if (parsed.service === 'sts' && parsed.resourceType === 'assumed-role') {
    return {
      problem: `principal '${arn}' is an STS assumed-role session ARN; sessions are not IAM principals and cannot have access entries`,
      fix: `use the role ARN ${roleArnOfSession(parsed)} (arn:aws:iam::<acct>:role/<name>)`,
    };
  }
  if (parsed.service !== 'iam' || (parsed.resourceType !== 'role' && parsed.resourceType !== 'user') || parsed.name === '') {
    return {
      problem: `principal '${arn}' is not an IAM role or user ARN`,
      fix: 'give the ARN of an IAM role (arn:aws:iam::<account>:role/<name>) or user (arn:aws:iam::<account>:user/<name>)',
    };
  }
  if (parsed.resourceType === 'role' && parsed.path.startsWith('/aws-service-role/')) {
    return {
      problem: `principal '${arn}' is a service-linked role, which cannot have an access entry`,
      fix: 'give the ARN of an IAM role or user you manage',
    };
  }
  return undefined;
}

/**
 * A role ARN without its path (`role/a/b/Name` → `role/Name`); anything else unchanged.
 * @internal
 */
export function withoutRolePath(arn: string): string {
  if (isOpaqueToken(arn)) return arn;
  const parsed = parsePrincipalArn(arn);
  if (!parsed || parsed.service !== 'iam' || parsed.resourceType !== 'role' || parsed.path === '/') return arn;
  return `arn:${parsed.partition}:iam::${parsed.account}:role/${parsed.name}`;
}
