// The public vocabulary of the core; everything else in core/ is internal.
export { AccessEntryType } from './access-entry-type';
export { AccessPolicy, AccessScopeType } from './access-policy';
export type { AccessScope } from './access-policy';
export { AuthenticationMode } from './authentication-mode';
export { IdentityMode, WorkloadPlatform } from './identity-mode';
export type { IIdentityClusterRef } from './identity-cluster-ref';
export { TrustScope } from './trust/trust-scope';
