export { WorkloadIdentity } from './workload-identity';
export type { WorkloadIdentityOptions, WorkloadIdentityProps } from './workload-identity';
export { PodIdentityTargetRole } from './pod-identity-target-role';
export type { PodIdentityTargetRoleProps } from './pod-identity-target-role';
