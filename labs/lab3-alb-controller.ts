import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { createLabCluster } from './lab-cluster';
import { LabEnvironment } from './lab-environment';
import { ControllerIdentity, IdentityCluster, IdentityMode } from '../src';

/** Role name as the Terraform IRSA module's `role_name = "alb_controller-role"` gives it in the classic lab. */
export const LAB3_ROLE_NAME = 'alb_controller-role';
/** Role of the pod identity variant, kept apart so the two can be compared side by side. */
export const LAB3_POD_IDENTITY_ROLE_NAME = 'alb_controller-pod-identity-role';
/**
 * Service account of the pod identity variant. One service account of one cluster has one
 * identity, so the comparison uses a second name (install a second release with
 * `serviceAccount.name` set to it, or switch the controller over to it).
 */
export const LAB3_POD_IDENTITY_SERVICE_ACCOUNT = 'aws-load-balancer-controller-pod-identity';
/** A second OIDC provider (`oidc_providers.two` in the Terraform IRSA module's terms): a cluster made elsewhere. */
export const LAB3_SECOND_CLUSTER_NAME = 'myeks-two';
/** The load balancer controller version the lab installs (pod identity needs v2.7.0 or later). */
export const LAB3_CONTROLLER_VERSION = 'v2.13.0';

/**
 * Lab 3 — IRSA for the AWS Load Balancer Controller (the classic lab's Terraform
 * `iam-role-for-service-accounts-eks` module with `attach_load_balancer_controller_policy = true`):
 * service account `kube-system/aws-load-balancer-controller` with role `alb_controller-role`, whose
 * permissions come from the controller catalog and whose trust names two clusters' OIDC providers
 * (the module's `oidc_providers` map `one` and `two`): `myeks` of this stack, and `myeks-two`, made
 * elsewhere, known by its issuer. For comparison, the same controller on EKS Pod Identity in
 * `myeks` under a second service account name, with the policy scoped to `myeks`'s tags.
 */
export function createLab3(app: App, lab: LabEnvironment): Stack {
  const stack = new Stack(app, 'EksIdentityLab3AlbController', {
    env: lab.env,
    description: 'cdk-eks-identity lab 3: AWS Load Balancer Controller on IRSA trusted by two clusters, and on EKS Pod Identity',
  });
  const one = createLabCluster(stack, lab);
  const two = IdentityCluster.fromClusterAttributes(stack, 'ClusterTwo', {
    clusterName: LAB3_SECOND_CLUSTER_NAME,
    // A placeholder issuer of the second cluster; pass the real one with `aws eks describe-cluster`.
    openIdConnectIssuerUrl: `https://oidc.eks.${lab.env.region}.amazonaws.com/id/5E2C1A7D9B3F4E6A8C0D2F4B6A8C0E1F`,
  });

  // One role for both clusters is an IRSA trust; each cluster's controller tags its resources with
  // its own cluster name, so the policy keeps the published `elbv2.k8s.aws/cluster` presence check.
  const irsa = one.addWorkloadIdentity('AlbControllerIrsa', {
    controller: ControllerIdentity.awsLoadBalancerController({ version: LAB3_CONTROLLER_VERSION }),
    mode: IdentityMode.IRSA,
    roleName: LAB3_ROLE_NAME,
    additionalClusters: [two],
  });

  const podIdentity = one.addWorkloadIdentity('AlbControllerPodIdentity', {
    controller: ControllerIdentity.awsLoadBalancerController({
      clusterName: 'myeks',
      serviceAccountName: LAB3_POD_IDENTITY_SERVICE_ACCOUNT,
      version: LAB3_CONTROLLER_VERSION,
    }),
    mode: IdentityMode.POD_IDENTITY,
    roleName: LAB3_POD_IDENTITY_ROLE_NAME,
  });

  const helm = (serviceAccount: string) => 'helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system '
    + `--set clusterName=myeks --set serviceAccount.create=false --set serviceAccount.name=${serviceAccount}`;
  new CfnOutput(stack, 'IrsaRoleArn', { value: irsa.roleArn });
  new CfnOutput(stack, 'InstallWithIrsa', { value: helm(irsa.serviceAccountName) });
  new CfnOutput(stack, 'PodIdentityRoleArn', { value: podIdentity.roleArn });
  new CfnOutput(stack, 'InstallWithPodIdentity', { value: helm(podIdentity.serviceAccountName) });
  return stack;
}
