export type { IIdentityCluster } from './i-identity-cluster';
export { IdentityCluster } from './identity-cluster';
export type { IdentityClusterProps } from './identity-cluster';
export type { IdentityClusterAttributes } from './identity-cluster-attributes';
export type { IdentityClusterImportOptions } from './identity-cluster-import-options';
