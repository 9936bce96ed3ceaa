export * from './check-types';
export * from './eks-identity-checks';
