import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { createLabCluster } from './lab-cluster';
import { LabEnvironment } from './lab-environment';
import { addAwsCliPod, addVerificationJob } from './verification-objects';
import { IdentityMode } from '../src';

/** Role name of the lab's IRSA identity. */
export const LAB1_ROLE_NAME = 'myeks-irsa-my-sa';

/**
 * Lab 1 — IRSA: cluster `myeks` with its IAM OIDC provider, service account `default/my-sa` with
 * an IRSA role that may read S3 (AmazonS3ReadOnlyAccess) and is trusted only for
 * `system:serviceaccount:default:my-sa` with audience `sts.amazonaws.com`, the test pod
 * `eks-iam-test3` and a verification Job.
 */
export function createLab1(app: App, lab: LabEnvironment): Stack {
  const stack = new Stack(app, 'EksIdentityLab1Irsa', {
    env: lab.env,
    description: 'cdk-eks-identity lab 1: IAM roles for service accounts (IRSA)',
  });
  const cluster = createLabCluster(stack, lab);
  cluster.addWorkloadIdentity('MySa', {
    namespace: 'default',
    serviceAccountName: 'my-sa',
    mode: IdentityMode.IRSA,
    roleName: LAB1_ROLE_NAME,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess')],
  });
  const chart = cluster.kubernetesObjects.chart;
  addAwsCliPod(chart, 'eks-iam-test3', 'my-sa');
  addVerificationJob(chart, 'verify-irsa', 'my-sa', LAB1_ROLE_NAME);
  return stack;
}
