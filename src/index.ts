export * from './cluster';
export * from './identity';
export * from './k8s';
export * from './access';
export * from './catalog';
export * from './checks';
export * from './report';
export * from './assertions';
