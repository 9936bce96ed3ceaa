import { isKnown } from '../../core/deploy-time';
import { PodIdentityRequest } from '../../core/trust/trust-semantics';
import { AssociationModel, CheckModel } from '../template-model';

/**
 * What EKS Pod Identity presents for an association: its namespace and service account, and the
 * cluster as the templates know it: `${GetAtt:<Cluster>.Arn}` for a cluster of the same stack;
 * for a cluster known by a literal name, its ARN with the partition, region and account left
 * unknown (a trust that names another cluster is then told apart by the name).
 */
export function podIdentityRequest(model: CheckModel, association: AssociationModel): PodIdentityRequest {
  const cluster = model.clusterOfKey(association.clusterKey, association.stackName);
  const literalName = isKnown(association.clusterKey) && !association.clusterKey.includes('/') ? association.clusterKey : undefined;
  const sameStack = cluster !== undefined && cluster.stackName === association.stackName;
  return {
    clusterArn: sameStack ? `\${GetAtt:${cluster.logicalId}.Arn}`
      : literalName !== undefined ? `arn:\${Ref:AWS::Partition}:eks:\${Ref:AWS::Region}:\${Ref:AWS::AccountId}:cluster/${literalName}` : undefined,
    clusterName: literalName,
    namespace: association.namespace,
    serviceAccount: association.serviceAccount,
    sessionTags: !association.disableSessionTags,
  };
}
