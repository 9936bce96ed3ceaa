import { IConstruct } from 'constructs';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';
import { identityErrorMessage } from '../core/errors';
import { fargatePatternFor } from '../core/kubernetes-names';

const uses = new WeakMap<IConstruct, Array<{ readonly identity: IConstruct; readonly namespace: string }>>();

/**
 * Records that an identity uses pod identity in a namespace of a cluster. At synth the cluster
 * checks every such namespace against its Fargate profiles as they are then (a profile added
 * after the identity was created is caught here): EKS Pod Identity does not run on Fargate.
 */
export function recordPodIdentityNamespace(cluster: IIdentityCluster, identity: IConstruct, namespace: string): void {
  let list = uses.get(cluster);
  if (!list) {
    list = [];
    uses.set(cluster, list);
    const entries = list;
    cluster.node.addValidation({
      validate: () => {
        const patterns = cluster.fargateNamespaces;
        return entries.flatMap(({ identity: user, namespace: ns }) => {
          const pattern = fargatePatternFor(patterns, ns);
          return pattern === undefined ? [] : [identityErrorMessage(user,
            `it uses EKS Pod Identity in namespace ${ns}, which a Fargate profile of cluster ${cluster.node.path} selects (${pattern}); `
            + 'EKS Pod Identity does not run on AWS Fargate',
            'use IdentityMode.IRSA for it, or create the Fargate profile before the identity so that IdentityMode.AUTO sees it and picks IRSA, '
            + 'or move the workload out of the Fargate namespace')];
        });
      },
    });
  }
  list.push({ identity, namespace });
}
