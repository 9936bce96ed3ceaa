export * from './identity-mode';
export * from './workload-identity';
export * from './pod-identity-target-role';
export { IRSA_AUDIENCE } from './irsa-trust';
export { POD_IDENTITY_PRINCIPAL, POD_IDENTITY_ACTIONS } from './pod-identity-trust';
