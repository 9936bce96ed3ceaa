// In your own app, import from the package instead: import { ... } from 'cdk-eks-identity';
/**
 * Moving a cluster off the `aws-auth` ConfigMap. The cluster was made with eksctl and has been
 * switched to `API_AND_CONFIG_MAP` (`aws eks update-cluster-config --name legacy-eks --access-config
 * authenticationMode=API_AND_CONFIG_MAP`), so access entries and the ConfigMap both work while you
 * check access. `AwsAuthMigration` turns every mapping into an access entry: `system:masters`
 * becomes AmazonEKSClusterAdminPolicy, other groups `kubernetesGroups`, valid usernames are kept.
 *
 * Nothing is dropped silently: a mapping that cannot become an access entry (here `mapAccounts`)
 * fails the synth until it is `acknowledged` with a reason, and the roles of managed node groups
 * made outside the app are named in `managedNodeRoleArns` (EKS made their entries itself; node
 * groups of the app are found without it). Preview the plan with
 * `AwsAuthMigration.plan(configMap)` or `cdk-eks-identity migrate-aws-auth aws-auth.yaml`.
 *
 * Once the entries are deployed and access is checked: switch the cluster to `API` (one-way) and
 * delete the ConfigMap.
 *
 *   kubectl get configmap aws-auth -n kube-system -o yaml > aws-auth.yaml
 *   npx ts-node --transpile-only examples/aws-auth-migration.ts
 */
import { App, Stack } from 'aws-cdk-lib';
import { AuthenticationMode, AwsAuthMigration, IdentityCluster } from '../src';

/** The cluster's `aws-auth` ConfigMap (in a real app: `fs.readFileSync('aws-auth.yaml', 'utf8')`). */
export const AWS_AUTH_CONFIG_MAP = `
apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/eksctl-legacy-eks-nodegroup-ng-1-NodeInstanceRole-1A2B3C4D5E6F
      username: system:node:{{EC2PrivateDNSName}}
      groups:
        - system:bootstrappers
        - system:nodes
    - rolearn: arn:aws:iam::111122223333:role/PlatformAdmin
      username: platform-admin
      groups:
        - system:masters
    - rolearn: arn:aws:iam::111122223333:role/Developers
      username: developer:{{SessionName}}
      groups:
        - developers
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:user/ci-deployer
      username: ci-deployer
      groups:
        - deployers
  mapAccounts: |
    - "444455556666"
`;

export function build(app: App): Stack {
  const stack = new Stack(app, 'AwsAuthMigration', { env: { account: '111122223333', region: 'ap-northeast-2' } });

  const cluster = IdentityCluster.fromClusterAttributes(stack, 'LegacyCluster', {
    clusterName: 'legacy-eks',
    openIdConnectIssuerUrl: 'https://oidc.eks.ap-northeast-2.amazonaws.com/id/FEDCBA9876543210FEDCBA9876543210',
    authenticationMode: AuthenticationMode.API_AND_CONFIG_MAP,
  });

  new AwsAuthMigration(stack, 'AwsAuth', {
    cluster,
    configMap: AWS_AUTH_CONFIG_MAP,
    // ng-1 is a managed node group made by eksctl, outside this app: EKS made the EC2_LINUX access
    // entry of its node role itself, so the migration leaves that mapping out (with a note).
    managedNodeRoleArns: ['arn:aws:iam::111122223333:role/eksctl-legacy-eks-nodegroup-ng-1-NodeInstanceRole-1A2B3C4D5E6F'],
    acknowledged: [{
      item: '444455556666',
      reason: 'mapAccounts let the whole tooling account in; only its Deployer role still needs access, granted below',
    }],
  });

  // What mapAccounts granted, for the one principal that still needs it.
  cluster.grantKubernetesGroups('ToolingDeployer', 'arn:aws:iam::444455556666:role/Deployer', ['deployers']);

  return stack;
}

if (require.main === module) {
  // Run directly, the app writes ./cdk.out; run by the cdk CLI (--app), it writes where the CLI says.
  const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
  build(app);
  app.synth();
}
