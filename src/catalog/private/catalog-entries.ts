import { CatalogEntryData } from './controller-definition';
import { ADOT } from '../controllers/adot-collector';
import { AWS_FOR_FLUENT_BIT } from '../controllers/aws-for-fluent-bit';
import { AWS_GATEWAY_API_CONTROLLER } from '../controllers/aws-gateway-api-controller';
import { AWS_LOAD_BALANCER_CONTROLLER } from '../controllers/aws-load-balancer-controller';
import { AWS_PRIVATECA_ISSUER } from '../controllers/aws-privateca-issuer';
import { CERT_MANAGER } from '../controllers/cert-manager';
import { CLOUDWATCH_OBSERVABILITY } from '../controllers/cloudwatch-observability';
import { CLUSTER_AUTOSCALER } from '../controllers/cluster-autoscaler';
import { EBS_CSI_DRIVER } from '../controllers/ebs-csi-driver';
import { EFS_CSI_DRIVER } from '../controllers/efs-csi-driver';
import { EFS_CSI_NODE } from '../controllers/efs-csi-node';
import { EXTERNAL_DNS } from '../controllers/external-dns';
import { EXTERNAL_SECRETS } from '../controllers/external-secrets';
import { FSX_CSI_DRIVER } from '../controllers/fsx-csi-driver';
import { KARPENTER } from '../controllers/karpenter';
import { MOUNTPOINT_S3_CSI_DRIVER } from '../controllers/mountpoint-s3-csi-driver';
import { SECRETS_STORE_CSI_DRIVER_PROVIDER_AWS } from '../controllers/secrets-store-csi-driver-provider-aws';
import { VELERO_PLUGIN_FOR_AWS } from '../controllers/velero-plugin-for-aws';
import { VPC_CNI } from '../controllers/vpc-cni';

/**
 * Every entry of the catalog, in the order the listing shows them.
 * @internal
 */
export const CATALOG_ENTRIES: CatalogEntryData[] = [
  AWS_LOAD_BALANCER_CONTROLLER,
  AWS_GATEWAY_API_CONTROLLER,
  EXTERNAL_DNS,
  CERT_MANAGER,
  AWS_PRIVATECA_ISSUER,
  EXTERNAL_SECRETS,
  SECRETS_STORE_CSI_DRIVER_PROVIDER_AWS,
  EBS_CSI_DRIVER,
  EFS_CSI_DRIVER,
  EFS_CSI_NODE,
  FSX_CSI_DRIVER,
  MOUNTPOINT_S3_CSI_DRIVER,
  VELERO_PLUGIN_FOR_AWS,
  CLUSTER_AUTOSCALER,
  KARPENTER,
  VPC_CNI,
  CLOUDWATCH_OBSERVABILITY,
  ADOT,
  AWS_FOR_FLUENT_BIT,
];
