import * as cdk8s from 'cdk8s';
import { Construct } from 'constructs';
import { claimServiceAccount } from './private/service-account-registry';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';
import { throwIfProblem } from '../core/errors';
import { namespaceNameProblem, serviceAccountNameProblem } from '../core/kubernetes-names';
import { MANAGED_BY_LABEL } from '../core/kubernetes-vocabulary';
import { asTemplateText } from '../private/template-text-of';

/**
 * A Kubernetes service account.
 */
export interface ServiceAccountOptions {
  /** Namespace of the service account (a DNS-1123 label). */
  readonly namespace: string;

  /** Name of the service account (a DNS-1123 subdomain). */
  readonly name: string;

  /**
   * Also emit the Namespace object. Built-in namespaces (`default`, `kube-system`, `kube-public`,
   * `kube-node-lease`) are never emitted.
   * @default false
   */
  readonly createNamespace?: boolean;

  /**
   * Extra annotations on the service account.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Extra labels on the service account.
   * @default - only `app.kubernetes.io/managed-by: cdk-eks-identity`
   */
  readonly labels?: { [key: string]: string };
}

/**
 * Properties of {@link KubernetesServiceAccount}.
 */
export interface KubernetesServiceAccountProps extends ServiceAccountOptions {
  /** The cluster the service account lives in. */
  readonly cluster: IIdentityCluster;
}

/**
 * A Kubernetes ServiceAccount written into its cluster's chart. One per cluster, namespace and
 * name: a second one fails at synth.
 *
 * @example
 * // A service account with no AWS role (the same as cluster.addServiceAccount('Builder', { ... })).
 * new KubernetesServiceAccount(this, 'Builder', {
 *   cluster,
 *   namespace: 'ci',
 *   name: 'builder',
 *   createNamespace: true,
 *   labels: { team: 'platform' },
 * });
 */
export class KubernetesServiceAccount extends Construct {
  /** Namespace of the service account. */
  public readonly namespace: string;
  /** Name of the service account. */
  public readonly serviceAccountName: string;
  /** The cdk8s object. */
  public readonly apiObject: cdk8s.ApiObject;

  constructor(scope: Construct, id: string, props: KubernetesServiceAccountProps) {
    super(scope, id);
    throwIfProblem(this, namespaceNameProblem(asTemplateText(this, props.namespace)));
    throwIfProblem(this, serviceAccountNameProblem(asTemplateText(this, props.name)));
    claimServiceAccount(props.cluster, this, props.namespace, props.name);
    this.namespace = props.namespace;
    this.serviceAccountName = props.name;

    const objects = props.cluster.kubernetesObjects;
    if (props.createNamespace) objects.ensureNamespace(props.namespace);
    const annotations = props.annotations ?? {};
    this.apiObject = new cdk8s.ApiObject(objects.chart, `serviceaccount-${props.namespace}-${props.name}`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: { ...MANAGED_BY_LABEL, ...props.labels },
        ...(Object.keys(annotations).length > 0 ? { annotations: { ...annotations } } : {}),
      },
    });
  }
}
