import { ACCOUNT, irsaTrust, ISSUER, PROVIDER_ARN, role, trust } from './fixtures';
import { CheckInput } from '../../src/checks';

/*
 * Many identities as the library writes them, without synthesizing: a cluster stack (cluster
 * `bench`, its OIDC provider, the pod identity agent, a node group and an admin access entry) and
 * team stacks that import the cluster (recorded in their template Metadata). Identity i lives in
 * stack i mod `stacks` and namespace `ns-<i mod namespaces>`: even i IRSA (the trust an
 * `Fn::Join` on the cluster stack, a plain object with the literal issuer elsewhere; the
 * ServiceAccount annotated with the role), odd i EKS Pod Identity (a role scoped by session tags
 * and an association).
 */

export const CLUSTER_NAME = 'bench';
const CLUSTER_ARN = `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/${CLUSTER_NAME}`;

export interface ScaleInputsOptions {
  readonly identities: number;
  /** @default 50 */
  readonly stacks?: number;
  /** @default 1 */
  readonly namespaces?: number;
}

function permissions(): any[] {
  return [{ PolicyName: 'workload-permissions', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bench-data/*' }] } }];
}

function clusterResources(): { [id: string]: any } {
  return {
    Cluster: { Type: 'AWS::EKS::Cluster', Properties: { Name: CLUSTER_NAME, AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false } } },
    Provider: { Type: 'AWS::IAM::OIDCProvider', Properties: { Url: { 'Fn::GetAtt': ['Cluster', 'OpenIdConnectIssuerUrl'] }, ClientIdList: ['sts.amazonaws.com'] } },
    Agent: { Type: 'AWS::EKS::Addon', Properties: { AddonName: 'eks-pod-identity-agent', ClusterName: { Ref: 'Cluster' } } },
    NodeRole: role(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), {
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy'],
    }),
    Nodes: { Type: 'AWS::EKS::Nodegroup', Properties: { ClusterName: { Ref: 'Cluster' }, NodeRole: { 'Fn::GetAtt': ['NodeRole', 'Arn'] } } },
    Admin: {
      Type: 'AWS::EKS::AccessEntry',
      Properties: {
        ClusterName: { Ref: 'Cluster' },
        PrincipalArn: `arn:aws:iam::${ACCOUNT}:role/Admin`,
        AccessPolicies: [{ PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', AccessScope: { Type: 'cluster' } }],
      },
    },
  };
}

/** The stacks, with `identities` identities spread over them. */
export function scaleInputs(options: ScaleInputsOptions): CheckInput[] {
  const stackCount = options.stacks ?? 50;
  const namespaces = options.namespaces ?? 1;
  const stacks = Array.from({ length: stackCount }, (_, k) => ({
    name: k === 0 ? 'Cluster' : `Team${k}`,
    resources: k === 0 ? clusterResources() : {} as { [id: string]: any },
    manifests: [] as any[],
  }));
  for (let i = 0; i < options.identities; i++) {
    const stack = stacks[i % stackCount];
    const inClusterStack = i % stackCount === 0;
    const namespace = `ns-${i % namespaces}`;
    const name = `sa-${i}`;
    const subject = `system:serviceaccount:${namespace}:${name}`;
    const roleName = `role-${i}`;
    if (i % 2 === 0) {
      const document = inClusterStack ? irsaTrust({ sub: [subject] }) : trust({
        Effect: 'Allow',
        Principal: { Federated: PROVIDER_ARN },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com', [`${ISSUER}:sub`]: subject } },
      });
      stack.resources[`Role${i}`] = role(document, { Policies: permissions(), RoleName: roleName });
      stack.manifests.push({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name, namespace, annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/${roleName}` } },
      });
    } else {
      stack.resources[`Role${i}`] = role(trust({
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: {
            'aws:RequestTag/eks-cluster-arn': inClusterStack ? { 'Fn::GetAtt': ['Cluster', 'Arn'] } : CLUSTER_ARN,
            'aws:RequestTag/kubernetes-namespace': namespace,
            'aws:RequestTag/kubernetes-service-account': name,
          },
        },
      }), { Policies: permissions(), RoleName: roleName });
      stack.resources[`Association${i}`] = {
        Type: 'AWS::EKS::PodIdentityAssociation',
        Properties: {
          ClusterName: inClusterStack ? { Ref: 'Cluster' } : CLUSTER_NAME,
          Namespace: namespace,
          ServiceAccount: name,
          RoleArn: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] },
        },
      };
      stack.manifests.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
    }
  }
  return stacks.map((s, k) => ({
    stackName: s.name,
    template: {
      Resources: s.resources,
      ...(k === 0 ? {} : {
        Metadata: {
          'cdk-eks-identity': {
            importedClusters: [{ clusterName: CLUSTER_NAME, openIdConnectIssuerUrl: `https://${ISSUER}`, openIdConnectProviderArn: PROVIDER_ARN }],
          },
        },
      }),
    },
    clusterKubernetesManifests: [{ cluster: CLUSTER_NAME, manifests: s.manifests }],
  }));
}
