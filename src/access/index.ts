export * from './access-entry-type';
export * from './access-policy';
export * from './cluster-access';
export * from './kubernetes-group';
export * from './aws-auth-plan';
export * from './aws-auth-migration';
