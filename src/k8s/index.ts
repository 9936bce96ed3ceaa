export * from './kubernetes-objects-delivery';
export * from './cluster-kubernetes-objects';
export * from './kubernetes-service-account';
