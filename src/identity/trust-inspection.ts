import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityMode } from './identity-mode';
import { POD_IDENTITY_PRINCIPAL } from './pod-identity-trust';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Why a role someone brought cannot work for `mode`, judged from its trust policy when the role
 * is defined in this app; undefined when it looks right or cannot be seen (an imported role).
 * @internal
 */
export function trustProblemForMode(role: iam.IRole, mode: IdentityMode, cluster: IIdentityCluster): string | undefined {
  if (!(role instanceof iam.Role) || !role.assumeRolePolicy) return undefined;
  const document = Stack.of(role).resolve(role.assumeRolePolicy.toJSON());
  const statements: any[] = asList(document?.Statement).filter((s: any) => s.Effect === 'Allow');
  if (mode === IdentityMode.POD_IDENTITY) {
    const actions = statements
      .filter((s) => asList(s.Principal?.Service).includes(POD_IDENTITY_PRINCIPAL))
      .flatMap((s) => asList(s.Action));
    const missing = ['sts:AssumeRole', 'sts:TagSession'].filter((action) => !actions.includes(action));
    return missing.length === 0 ? undefined
      : `its trust does not allow ${POD_IDENTITY_PRINCIPAL} ${missing.join(' and ')}`;
  }
  const federated = statements.filter((s) => asList(s.Action).includes('sts:AssumeRoleWithWebIdentity') && s.Principal?.Federated);
  if (federated.length === 0) return 'its trust has no sts:AssumeRoleWithWebIdentity statement for an OIDC provider';
  const provider = Stack.of(role).resolve(cluster.openIdConnectProviderArn);
  const trustsCluster = federated.some((s) => JSON.stringify(s.Principal.Federated) === JSON.stringify(provider));
  return trustsCluster ? undefined : `its trust does not name the OIDC provider of cluster ${cluster.node.path}`;
}
