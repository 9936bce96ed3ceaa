import { CheckFinding, CheckInput, EksIdentityChecks } from '../../src/checks';

/*
 * Hand-written CloudFormation fragments for the rule tests: a cluster with everything right, and
 * builders for the pieces each test changes.
 */

export const ACCOUNT = '123456789012';
export const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789';
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`;

/** `Fn::Select` of the issuer out of the provider ARN: the token our library uses as a condition key. */
export const ISSUER_TOKEN = { 'Fn::Select': [1, { 'Fn::Split': ['oidc-provider/', { Ref: 'Provider' }] }] };

/**
 * A JSON document as one `Fn::Join`, the way `Stack.toJsonString` emits it: `@NAME@` markers in the
 * JSON text are replaced by the intrinsics given for them.
 */
export function joinDocument(document: any, tokens: { [name: string]: any }): any {
  const text = JSON.stringify(document);
  const parts: any[] = [];
  let rest = text;
  for (;;) {
    const match = /@([A-Z_]+)@/.exec(rest);
    if (!match) break;
    parts.push(rest.slice(0, match.index), tokens[match[1]]);
    rest = rest.slice(match.index + match[0].length);
  }
  parts.push(rest);
  return { 'Fn::Join': ['', parts.filter((p) => p !== '')] };
}

export interface IrsaOptions {
  /** `:sub` values; `null` for no `:sub` condition. */
  readonly sub?: string[] | null;
  readonly subOperator?: string;
  /** `null` for no `:aud` condition. */
  readonly aud?: string | null;
  readonly audOperator?: string;
  /** Federated principal (default: `Ref Provider`). */
  readonly federated?: any;
}

/** An IRSA trust policy as a `Fn::Join` string with the issuer token as condition key. */
export function irsaTrust(options: IrsaOptions = {}): any {
  const conditions: any = {};
  const sub = options.sub === undefined ? ['system:serviceaccount:apps:web'] : options.sub;
  const aud = options.aud === undefined ? 'sts.amazonaws.com' : options.aud;
  if (sub !== null) {
    const op = options.subOperator ?? 'StringEquals';
    conditions[op] = { ...conditions[op], '@ISSUER@:sub': sub.length === 1 ? sub[0] : sub };
  }
  if (aud !== null) {
    const op = options.audOperator ?? 'StringEquals';
    conditions[op] = { ...conditions[op], '@ISSUER@:aud': aud };
  }
  return joinDocument({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: '@PROVIDER@' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      ...(Object.keys(conditions).length > 0 ? { Condition: conditions } : {}),
    }],
  }, { ISSUER: ISSUER_TOKEN, PROVIDER: options.federated ?? { Ref: 'Provider' } });
}

/** A pod identity trust statement. */
export function podStatement(options: { actions?: string[]; tags?: boolean } = {}): any {
  return {
    Effect: 'Allow',
    Principal: { Service: 'pods.eks.amazonaws.com' },
    Action: options.actions ?? ['sts:AssumeRole', 'sts:TagSession'],
    ...(options.tags === false ? {} : {
      Condition: {
        StringEquals: {
          'aws:RequestTag/eks-cluster-arn': { 'Fn::GetAtt': ['Cluster', 'Arn'] },
          'aws:RequestTag/kubernetes-namespace': 'apps',
          'aws:RequestTag/kubernetes-service-account': 'worker',
        },
      },
    }),
  };
}

/** A trust policy object from statements. */
export function trust(...statements: any[]): any {
  return { Version: '2012-10-17', Statement: statements };
}

/** An `AWS::IAM::Role`. */
export function role(assumeRolePolicyDocument: any, properties: any = {}): any {
  return { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: assumeRolePolicyDocument, ...properties } };
}

/** An `AWS::EKS::PodIdentityAssociation` on `Cluster`. */
export function association(namespace: string, serviceAccountName: string, roleId: string, properties: any = {}): any {
  return {
    Type: 'AWS::EKS::PodIdentityAssociation',
    Properties: { ClusterName: { Ref: 'Cluster' }, Namespace: namespace, ServiceAccount: serviceAccountName, RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] }, ...properties },
  };
}

/** An `AWS::EKS::AccessEntry` on `Cluster`. */
export function accessEntry(properties: any = {}): any {
  return { Type: 'AWS::EKS::AccessEntry', Properties: { ClusterName: { Ref: 'Cluster' }, PrincipalArn: `arn:aws:iam::${ACCOUNT}:role/admin`, ...properties } };
}

/** Cluster-admin access policy at cluster scope. */
export const CLUSTER_ADMIN = {
  PolicyArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy']] },
  AccessScope: { Type: 'cluster' },
};

/** A cluster with every identity piece configured right: no rule fires on it. */
export function goodResources(): { [id: string]: any } {
  return {
    Cluster: { Type: 'AWS::EKS::Cluster', Properties: { AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false }, Version: '1.33' } },
    Provider: {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { Url: { 'Fn::GetAtt': ['Cluster', 'OpenIdConnectIssuerUrl'] }, ClientIdList: ['sts.amazonaws.com'] },
    },
    WebRole: role(irsaTrust(), { RoleName: 'apps-web' }),
    WorkerRole: role(trust(podStatement())),
    WorkerAssociation: association('apps', 'worker', 'WorkerRole'),
    Agent: { Type: 'AWS::EKS::Addon', Properties: { AddonName: 'eks-pod-identity-agent', ClusterName: { Ref: 'Cluster' } } },
    NodeRole: role(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), {
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonEKSWorkerNodePolicy']] }],
    }),
    Nodes: { Type: 'AWS::EKS::Nodegroup', Properties: { ClusterName: { Ref: 'Cluster' }, NodeRole: { 'Fn::GetAtt': ['NodeRole', 'Arn'] } } },
    Admin: accessEntry({ AccessPolicies: [CLUSTER_ADMIN] }),
  };
}

/** A ServiceAccount object. */
export function serviceAccount(namespace: string, name: string, roleArn?: string): any {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace, ...(roleArn ? { annotations: { 'eks.amazonaws.com/role-arn': roleArn } } : {}) },
  };
}

/** Runs the pack over one stack `S` made of these resources (and Kubernetes objects). */
export function check(resources: { [id: string]: any }, kubernetesManifests?: any[]): CheckFinding[] {
  const input: CheckInput = { stackName: 'S', template: { Resources: resources }, kubernetesManifests };
  return EksIdentityChecks.checkTemplates([input]);
}

/** The findings of one rule. */
export function findingsOf(findings: CheckFinding[], ruleId: string): CheckFinding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
