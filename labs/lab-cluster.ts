import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import { LabEnvironment } from './lab-environment';
import { IdentityCluster } from '../src';

/**
 * The lab cluster: `myeks`, a managed Linux node group, the admin role as an access entry.
 * The VPC spans two availability zones with one NAT gateway, to keep the lab cheap.
 */
export function createLabCluster(scope: Construct, lab: LabEnvironment): IdentityCluster {
  const vpc = new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 1 });
  return new IdentityCluster(scope, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    vpc,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    defaultCapacity: 2,
    admins: [lab.adminRoleArn],
  });
}
