export * from './authentication-mode';
export * from './i-identity-cluster';
export * from './identity-cluster-base';
export * from './identity-cluster';
export * from './identity-cluster-attributes';
export * from './eks-cluster-import';
