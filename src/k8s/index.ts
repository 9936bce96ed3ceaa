export { KubernetesObjectsDelivery } from './kubernetes-objects-delivery';
export { ClusterKubernetesObjects } from './cluster-kubernetes-objects';
export type { ClusterKubernetesObjectsProps } from './cluster-kubernetes-objects';
export { KubernetesServiceAccount } from './kubernetes-service-account';
export type { KubernetesServiceAccountProps, ServiceAccountOptions } from './kubernetes-service-account';
