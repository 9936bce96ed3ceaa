// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * Well-known controllers from the policy catalog. `controller:` supplies the namespace, the service
 * account, the permissions (written from the controller's published policy, scoped to this
 * account, region and — for the load balancer controller — this cluster's tag) and whether its
 * version can use pod identity. Install the controllers with Helm and
 * `serviceAccount.create=false`: the service accounts are in the cluster's YAML.
 *
 * The EBS CSI driver is an EKS add-on: `ControllerAddon` creates the `AWS::EKS::Addon` with its
 * role wired in (the add-on owns the pod identity association and creates its service account).
 *
 *   npx ts-node --transpile-only examples/controllers.ts
 *   kubectl apply -f cdk.out/Controllers.Cluster.k8s.yaml
 *   helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system \
 *     --set clusterName=myeks --set serviceAccount.create=false --set serviceAccount.name=aws-load-balancer-controller
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { ControllerAddon, ControllerIdentity, IdentityCluster } from '../src';

export function build(app: App): Stack {
  const stack = new Stack(app, 'Controllers', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = new IdentityCluster(stack, 'Cluster', {
    clusterName: 'myeks',
    version: eks.KubernetesVersion.V1_33,
    defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
    admins: ['arn:aws:iam::111122223333:role/Admin'],
  });

  // kube-system/aws-load-balancer-controller; with clusterName, the role may only change load
  // balancers, target groups and security groups tagged elbv2.k8s.aws/cluster=myeks.
  cluster.addWorkloadIdentity('LoadBalancerController', {
    controller: ControllerIdentity.awsLoadBalancerController({ clusterName: 'myeks', version: 'v2.13.0' }),
  });

  // external-dns/external-dns, allowed to change records in this zone only.
  const zone = new route53.PublicHostedZone(stack, 'Zone', { zoneName: 'example.com' });
  cluster.addWorkloadIdentity('ExternalDns', {
    controller: ControllerIdentity.externalDns({ hostedZoneIds: [zone.hostedZoneId], version: 'v0.15.0' }),
    createNamespace: true,
  });

  // The aws-ebs-csi-driver add-on with AmazonEBSCSIDriverPolicyV2, on pod identity. Pin the add-on
  // with version: 'v1.x.y-eksbuild.n' (aws eks describe-addon-versions --addon-name aws-ebs-csi-driver).
  new ControllerAddon(stack, 'EbsCsiDriver', {
    cluster,
    controller: ControllerIdentity.ebsCsiDriver(),
  });

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
