import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { createLabCluster } from './lab-cluster';
import { LabEnvironment } from './lab-environment';
import { addAwsCliPod, addVerificationJob } from './verification-objects';
import { IdentityMode } from '../src';

/** Role name as `eksctl create podidentityassociation --role-name` would give it in the classic lab. */
export const LAB2_ROLE_NAME = 's3-eks-pod-identity-role';

/**
 * Lab 2 — EKS Pod Identity: the `eks-pod-identity-agent` addon, service account `default/s3-sa`
 * (no annotation) associated with role `s3-eks-pod-identity-role` (AmazonS3ReadOnlyAccess) whose
 * trust is scoped to this cluster, namespace and service account by session tags, the test pod
 * `eks-pod-identity` and a verification Job.
 */
export function createLab2(app: App, lab: LabEnvironment): Stack {
  const stack = new Stack(app, 'EksIdentityLab2PodIdentity', {
    env: lab.env,
    description: 'cdk-eks-identity lab 2: EKS Pod Identity',
  });
  const cluster = createLabCluster(stack, lab);
  cluster.addWorkloadIdentity('S3Sa', {
    namespace: 'default',
    serviceAccountName: 's3-sa',
    mode: IdentityMode.POD_IDENTITY,
    roleName: LAB2_ROLE_NAME,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
  });
  const chart = cluster.kubernetesObjects.chart;
  addAwsCliPod(chart, 'eks-pod-identity', 's3-sa');
  addVerificationJob(chart, 'verify-pod-identity', 's3-sa', LAB2_ROLE_NAME);
  return stack;
}
