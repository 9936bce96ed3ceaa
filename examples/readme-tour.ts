// The README's "A five-minute tour", line for line: test/examples/readme-tour.test.ts checks that
// both are the same (only the library import differs: in your own app, import from
// 'cdk-eks-identity') and synthesizes this file offline with the real cdk CLI and the context of
// the README's cdk.json (the region's availability zones).
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityCluster, IdentityMode } from '../src';

const app = new App();
const stack = new Stack(app, 'Platform', { env: { account: '111122223333', region: 'ap-northeast-2' } });

// The cluster: authentication mode API, native OIDC provider, pod identity agent addon,
// and an access entry (AmazonEKSClusterAdminPolicy) for the role you use with kubectl.
const cluster = new IdentityCluster(stack, 'Cluster', {
  clusterName: 'myeks',
  version: eks.KubernetesVersion.V1_33,
  defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
  admins: ['arn:aws:iam::111122223333:role/Admin'],
});

const bucket = new s3.Bucket(stack, 'Data');

// IRSA: trust scoped to system:serviceaccount:default:my-sa, audience sts.amazonaws.com.
const reader = cluster.addWorkloadIdentity('Reader', {
  namespace: 'default',
  serviceAccountName: 'my-sa',
  mode: IdentityMode.IRSA,
});
bucket.grantRead(reader); // lands inline in the role

// Pod identity (AUTO picks it when the cluster and the workload support it).
const writer = cluster.addWorkloadIdentity('Writer', { namespace: 'app', serviceAccountName: 'writer', createNamespace: true });
bucket.grantWrite(writer);
console.log(writer.mode, writer.modeReason); // POD_IDENTITY, why
