/**
 * How the Kubernetes objects of a cluster (service accounts, namespaces, RBAC) reach the cluster.
 */
export enum KubernetesObjectsDelivery {
  /**
   * Written at `cdk synth` into the cloud assembly as one YAML file per cluster, ready for
   * `kubectl apply -f` or GitOps. No Lambda, no custom resource. Every value must resolve at synth.
   */
  FILES = 'FILES',
  /**
   * Applied by aws-eks-v2 `addCdk8sChart` through the cluster's kubectl provider (a Lambda-backed
   * custom resource). Requires a cluster with a kubectl provider.
   */
  KUBECTL = 'KUBECTL',
}
