import {
  ACCOUNT, CLUSTER_ADMIN, accessEntry, association, check, findingsOf, goodResources, irsaTrust, joinDocument, podStatement, role,
  serviceAccount, trust,
} from './fixtures';
import { CheckLevel, EksIdentityChecks } from '../../src/checks';

const WEB_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/apps-web`;

/** The good resources with some replaced (`undefined` removes one). */
function withResources(changes: { [id: string]: any }): { [id: string]: any } {
  const resources: { [id: string]: any } = { ...goodResources(), ...changes };
  for (const [id, value] of Object.entries(changes)) if (value === undefined) delete resources[id];
  return resources;
}

/** The findings of one rule on the good resources with changes. */
function run(ruleId: string, changes: { [id: string]: any }, manifests?: any[]) {
  return findingsOf(check(withResources(changes), manifests), ruleId);
}

test('the well-configured cluster has no findings', () => {
  expect(check(goodResources(), [serviceAccount('apps', 'web', WEB_ROLE_ARN), serviceAccount('apps', 'worker')])).toEqual([]);
});

describe('EKSID-IRSA-001 audience condition', () => {
  test('flags an IRSA trust without :aud', () => {
    const [finding, ...rest] = run('EKSID-IRSA-001', { WebRole: role(irsaTrust({ aud: null })) });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ level: CheckLevel.WARNING, stackName: 'S', logicalId: 'WebRole', location: 'Properties/AssumeRolePolicyDocument' });
    expect(finding.message).toContain('role WebRole trusts OIDC provider Provider for sts:AssumeRoleWithWebIdentity without an ":aud" condition');
    expect(finding.fix).toContain('"<issuer>:aud": "sts.amazonaws.com"');
  });
  test('passes with StringEquals :aud', () => {
    expect(run('EKSID-IRSA-001', {})).toEqual([]);
  });
});

describe('EKSID-IRSA-002 subject condition', () => {
  test('flags an IRSA trust without :sub', () => {
    const [finding] = run('EKSID-IRSA-002', { WebRole: role(irsaTrust({ sub: null })) });
    expect(finding.level).toBe(CheckLevel.ERROR);
    expect(finding.message).toContain('without a ":sub" condition: every service account in the cluster can assume it');
  });
  test('an IfExists operator does not count as a subject restriction', () => {
    expect(run('EKSID-IRSA-002', { WebRole: role(irsaTrust({ subOperator: 'StringEqualsIfExists' })) })).toHaveLength(1);
  });
  test('passes with StringEquals :sub', () => {
    expect(run('EKSID-IRSA-002', {})).toEqual([]);
  });
});

describe('EKSID-IRSA-003 subject wildcard across namespaces', () => {
  test('flags system:serviceaccount:*:*', () => {
    const [finding] = run('EKSID-IRSA-003', { WebRole: role(irsaTrust({ subOperator: 'StringLike', sub: ['system:serviceaccount:*:*'] })) });
    expect(finding.level).toBe(CheckLevel.ERROR);
    expect(finding.message).toContain('StringLike ":sub" "system:serviceaccount:*:*", which hands the role to service accounts in every namespace');
  });
  test('flags a bare * subject with ForAnyValue:StringLike', () => {
    expect(run('EKSID-IRSA-003', { WebRole: role(irsaTrust({ subOperator: 'ForAnyValue:StringLike', sub: ['*'] })) })[0].message)
      .toContain('ForAnyValue:StringLike ":sub" "*"');
  });
  test('passes a wildcard limited to one namespace', () => {
    expect(run('EKSID-IRSA-003', { WebRole: role(irsaTrust({ subOperator: 'StringLike', sub: ['system:serviceaccount:apps:*'] })) })).toEqual([]);
  });
});

describe('EKSID-IRSA-004 subject pattern within a namespace', () => {
  test('flags a name wildcard', () => {
    const [finding] = run('EKSID-IRSA-004', { WebRole: role(irsaTrust({ subOperator: 'StringLike', sub: ['system:serviceaccount:apps:web-*'] })) });
    expect(finding.level).toBe(CheckLevel.WARNING);
    expect(finding.message).toContain('every matching service account in namespace apps, including ones created later, can assume it');
  });
  test('flags StringLike without a wildcard', () => {
    expect(run('EKSID-IRSA-004', { WebRole: role(irsaTrust({ subOperator: 'StringLike' })) })[0].message)
      .toContain('uses StringLike for ":sub" "system:serviceaccount:apps:web" although the value has no wildcard');
  });
  test('passes StringEquals, and leaves cross-namespace patterns to EKSID-IRSA-003', () => {
    expect(run('EKSID-IRSA-004', {})).toEqual([]);
    expect(run('EKSID-IRSA-004', { WebRole: role(irsaTrust({ subOperator: 'StringLike', sub: ['system:serviceaccount:*:web'] })) })).toEqual([]);
  });
});

describe('EKSID-IRSA-005 audience wildcard', () => {
  test('flags StringLike on :aud', () => {
    const [finding] = run('EKSID-IRSA-005', { WebRole: role(irsaTrust({ audOperator: 'StringLike', aud: 'sts.*' })) });
    expect(finding.level).toBe(CheckLevel.ERROR);
    expect(finding.message).toContain('with StringLike on ":aud" (sts.*): the audience must be matched exactly');
  });
  test('flags ForAnyValue:StringLike on :aud', () => {
    expect(run('EKSID-IRSA-005', { WebRole: role(irsaTrust({ audOperator: 'ForAnyValue:StringLike' })) })).toHaveLength(1);
  });
  test('passes StringEquals :aud', () => {
    expect(run('EKSID-IRSA-005', {})).toEqual([]);
  });
});

describe('EKSID-IRSA-006 provider audience', () => {
  const provider = (clientIds: any[]) => ({
    Type: 'AWS::IAM::OIDCProvider',
    Properties: { Url: { 'Fn::GetAtt': ['Cluster', 'OpenIdConnectIssuerUrl'] }, ClientIdList: clientIds },
  });
  test('flags a provider used by IRSA roles without sts.amazonaws.com', () => {
    const [finding] = run('EKSID-IRSA-006', { Provider: provider(['kubernetes.default.svc']) });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'Provider', location: 'Properties/ClientIdList' });
    expect(finding.message).toContain('OIDC provider Provider is trusted by IRSA roles but its client ID list is [kubernetes.default.svc]');
  });
  test('passes sts.amazonaws.com, deploy-time lists, and providers no role trusts', () => {
    expect(run('EKSID-IRSA-006', {})).toEqual([]);
    expect(run('EKSID-IRSA-006', { Provider: provider([{ Ref: 'Audience' }]) })).toEqual([]);
    expect(run('EKSID-IRSA-006', { Provider: provider([]), WebRole: undefined })).toEqual([]);
  });
});

describe('EKSID-SA-001 annotated role trusts the service account', () => {
  test('flags a service account the role does not trust', () => {
    const [finding] = run('EKSID-SA-001', {}, [serviceAccount('apps', 'other', WEB_ROLE_ARN)]);
    expect(finding.level).toBe(CheckLevel.ERROR);
    expect(finding.logicalId).toBe('WebRole');
    expect(finding.message).toContain('ServiceAccount apps/other (Kubernetes manifests of stack S) is annotated with role WebRole, '
      + 'whose trust policy does not allow the subject system:serviceaccount:apps:other');
    expect(finding.fix).toContain('"system:serviceaccount:apps:other"');
  });
  test('flags a role that trusts only another cluster\'s provider (aws-eks-v2 manifest resource)', () => {
    const manifest = joinDocument([serviceAccount('apps', 'web', '@ROLE@')], { ROLE: { 'Fn::GetAtt': ['WebRole', 'Arn'] } });
    const [finding] = run('EKSID-SA-001', {
      Cluster2: { Type: 'AWS::EKS::Cluster', Properties: { AccessConfig: { AuthenticationMode: 'API' } } },
      Manifest: { Type: 'Custom::AWSCDK-EKS-KubernetesResource', Properties: { ClusterName: { Ref: 'Cluster2' }, Manifest: manifest } },
    });
    expect(finding.logicalId).toBe('Manifest');
    expect(finding.message).toContain('trusts only the OIDC providers of other clusters than cluster Cluster2 (stack S)');
  });
  test('flags a role with no IRSA statement', () => {
    const findings = run('EKSID-SA-001', { Other: role(trust(podStatement())) },
      [serviceAccount('apps', 'web', 'arn:aws:iam::123456789012:role/x'), serviceAccount('apps', 'api', 'OTHER')]);
    expect(findings).toEqual([]); // unknown role names: nothing to check
    const named = withResources({ Other: role(trust(podStatement()), { RoleName: 'other' }) });
    const [finding] = findingsOf(check(named, [serviceAccount('apps', 'api', `arn:aws:iam::${ACCOUNT}:role/team/other`)]), 'EKSID-SA-001');
    expect(finding.message).toContain('role Other, whose trust policy has no sts:AssumeRoleWithWebIdentity statement for any OIDC provider');
  });
  test('passes the service account the role was made for', () => {
    expect(run('EKSID-SA-001', {}, [serviceAccount('apps', 'web', WEB_ROLE_ARN)])).toEqual([]);
  });
});

describe('EKSID-SA-002 IRSA annotation next to a pod identity association', () => {
  test('flags a service account with both', () => {
    const [finding] = run('EKSID-SA-002', {}, [serviceAccount('apps', 'worker', WEB_ROLE_ARN)]);
    expect(finding.level).toBe(CheckLevel.WARNING);
    expect(finding.logicalId).toBe('WorkerAssociation');
    expect(finding.message).toContain('ServiceAccount apps/worker (Kubernetes manifests of stack S) has both an eks.amazonaws.com/role-arn annotation '
      + 'and pod identity association WorkerAssociation: pods get the pod identity credentials');
  });
  test('passes the service account without annotation, and does not report it under EKSID-SA-001 either', () => {
    expect(run('EKSID-SA-002', {}, [serviceAccount('apps', 'worker')])).toEqual([]);
    expect(run('EKSID-SA-001', {}, [serviceAccount('apps', 'worker', WEB_ROLE_ARN)])).toEqual([]);
  });
});

describe('EKSID-POD-001 pod identity trust scoping', () => {
  test('flags a trust without request tag conditions', () => {
    const [finding] = run('EKSID-POD-001', { WorkerRole: role(trust(podStatement({ tags: false }))) });
    expect(finding.level).toBe(CheckLevel.WARNING);
    expect(finding.message).toContain('role WorkerRole trusts pods.eks.amazonaws.com without aws:RequestTag/eks-cluster-arn, '
      + 'aws:RequestTag/kubernetes-namespace, aws:RequestTag/kubernetes-service-account conditions');
  });
  test('flags a second, unscoped statement (aws-eks-v2 style) and names only what is missing', () => {
    const partial = podStatement();
    delete partial.Condition.StringEquals['aws:RequestTag/kubernetes-service-account'];
    const [finding] = run('EKSID-POD-001', { WorkerRole: role(trust(podStatement(), partial)) });
    expect(finding.message).toContain('without aws:RequestTag/kubernetes-service-account conditions');
  });
  test('passes scoped trusts, and unscoped ones used with DisableSessionTags', () => {
    expect(run('EKSID-POD-001', {})).toEqual([]);
    expect(run('EKSID-POD-001', {
      WorkerRole: role(trust(podStatement({ tags: false }))),
      WorkerAssociation: association('apps', 'worker', 'WorkerRole', { DisableSessionTags: true }),
    })).toEqual([]);
  });
});

describe('EKSID-POD-002 association role trusts pod identity with both actions', () => {
  test('flags a role without sts:TagSession', () => {
    const [finding] = run('EKSID-POD-002', { WorkerRole: role(trust(podStatement({ actions: ['sts:AssumeRole'] }))) });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'WorkerAssociation', location: 'Properties/RoleArn' });
    expect(finding.message).toContain('pod identity association WorkerAssociation (apps/worker) uses role WorkerRole, '
      + 'whose trust policy does not allow pods.eks.amazonaws.com sts:TagSession: it deploys, but pods fail');
  });
  test('flags an addon association whose role is an IRSA role', () => {
    const [finding] = run('EKSID-POD-002', {
      Cni: {
        Type: 'AWS::EKS::Addon',
        Properties: {
          AddonName: 'vpc-cni',
          ClusterName: { Ref: 'Cluster' },
          PodIdentityAssociations: [{ ServiceAccount: 'aws-node', RoleArn: { 'Fn::GetAtt': ['WebRole', 'Arn'] } }],
        },
      },
    });
    expect(finding.location).toBe('Properties/PodIdentityAssociations/0');
    expect(finding.message).toContain('addon vpc-cni pod identity association (Properties/PodIdentityAssociations/0) uses role WebRole, '
      + 'whose trust policy does not allow pods.eks.amazonaws.com sts:AssumeRole and sts:TagSession');
  });
  test('passes when the actions are split over two statements or granted by wildcard', () => {
    expect(run('EKSID-POD-002', {
      WorkerRole: role(trust(podStatement({ actions: ['sts:AssumeRole'] }), podStatement({ actions: ['sts:TagSession'] }))),
    })).toEqual([]);
    expect(run('EKSID-POD-002', { WorkerRole: role(trust(podStatement({ actions: ['sts:*'] }))) })).toEqual([]);
  });
});

describe('EKSID-POD-003 session policy needs DisableSessionTags', () => {
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  test('flags a session policy with session tags on', () => {
    const [finding] = run('EKSID-POD-003', { WorkerAssociation: association('apps', 'worker', 'WorkerRole', { Policy: policy }) });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, location: 'Properties/Policy' });
    expect(finding.message).toContain('has a session Policy while session tags are on: EKS rejects a session policy unless DisableSessionTags is true');
  });
  test('passes a session policy with DisableSessionTags true', () => {
    expect(run('EKSID-POD-003', {
      WorkerAssociation: association('apps', 'worker', 'WorkerRole', { Policy: policy, DisableSessionTags: 'true' }),
    })).toEqual([]);
  });
});

describe('EKSID-POD-004 DisableSessionTags with a tag-conditioned trust', () => {
  test('flags an association that disables the tags the trust requires', () => {
    const [finding] = run('EKSID-POD-004', { WorkerAssociation: association('apps', 'worker', 'WorkerRole', { DisableSessionTags: true }) });
    expect(finding.level).toBe(CheckLevel.ERROR);
    expect(finding.message).toContain('disables session tags, but role WorkerRole only trusts pods.eks.amazonaws.com under aws:RequestTag conditions');
  });
  test('passes when a statement without tag conditions allows the pod identity principal', () => {
    expect(run('EKSID-POD-004', {
      WorkerRole: role(trust(podStatement({ tags: false }))),
      WorkerAssociation: association('apps', 'worker', 'WorkerRole', { DisableSessionTags: true }),
    })).toEqual([]);
  });
});

describe('EKSID-POD-005 duplicate associations', () => {
  test('flags two associations for one service account', () => {
    const [finding, ...rest] = run('EKSID-POD-005', { Second: association('apps', 'worker', 'WorkerRole') });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'Second' });
    expect(finding.message).toContain('pod identity associations WorkerAssociation (stack S) and Second both target apps/worker on cluster Cluster (stack S)');
  });
  test('passes other service accounts and other clusters', () => {
    expect(run('EKSID-POD-005', { Second: association('apps', 'worker-2', 'WorkerRole') })).toEqual([]);
    expect(run('EKSID-POD-005', { Second: association('apps', 'worker', 'WorkerRole', { ClusterName: 'other-cluster' }) })).toEqual([]);
  });
});

describe('EKSID-POD-006 associations per cluster', () => {
  function many(count: number) {
    const changes: { [id: string]: any } = {};
    for (let i = 1; i < count; i++) changes[`A${i}`] = association('apps', `sa-${i}`, 'WorkerRole');
    return changes;
  }
  test('flags 1001 associations', () => {
    const [finding] = run('EKSID-POD-006', many(1001));
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'Cluster' });
    expect(finding.message).toBe('cluster Cluster (stack S) has 1001 pod identity associations; EKS allows 1000 per cluster');
  });
  test('passes 1000 associations', () => {
    expect(run('EKSID-POD-006', many(1000))).toEqual([]);
  });
});

describe('EKSID-POD-007 pod identity agent', () => {
  test('flags a cluster with associations and no agent addon', () => {
    const [finding] = run('EKSID-POD-007', { Agent: undefined });
    expect(finding).toMatchObject({ level: CheckLevel.WARNING, logicalId: 'Cluster' });
    expect(finding.message).toContain('cluster Cluster (stack S) has 1 pod identity association(s) but no eks-pod-identity-agent addon');
  });
  test('passes Auto Mode clusters, which have the agent built in', () => {
    expect(run('EKSID-POD-007', {
      Agent: undefined,
      Cluster: { Type: 'AWS::EKS::Cluster', Properties: { AccessConfig: { AuthenticationMode: 'API' }, ComputeConfig: { Enabled: true } } },
    })).toEqual([]);
  });
});

describe('EKSID-POD-008 node role can exchange pod identity tokens', () => {
  const ec2Trust = trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
  test('flags a node role without the worker node policy', () => {
    const [finding] = run('EKSID-POD-008', { NodeRole: role(ec2Trust, { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy'] }) });
    expect(finding).toMatchObject({ level: CheckLevel.WARNING, logicalId: 'Nodes', location: 'Properties/NodeRole' });
    expect(finding.message).toContain('node group Nodes of cluster Cluster (stack S) uses role NodeRole, which has neither AmazonEKSWorkerNodePolicy');
  });
  test('passes the minimal policy, an inline statement, or an attached AWS::IAM::Policy', () => {
    expect(run('EKSID-POD-008', { NodeRole: role(ec2Trust, { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKSWorkerNodeMinimalPolicy'] }) }))
      .toEqual([]);
    const statement = { Effect: 'Allow', Action: 'eks-auth:*', Resource: '*' };
    expect(run('EKSID-POD-008', {
      NodeRole: role(ec2Trust, { Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }] }),
    })).toEqual([]);
    expect(run('EKSID-POD-008', {
      NodeRole: role(ec2Trust),
      NodePolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: [{ Ref: 'NodeRole' }], PolicyDocument: { Statement: statement } } },
    })).toEqual([]);
  });
  test('passes node groups of clusters without associations', () => {
    expect(run('EKSID-POD-008', { NodeRole: role(ec2Trust), WorkerAssociation: undefined })).toEqual([]);
  });
});

describe('EKSID-POD-009 cross-account target role', () => {
  const target = (statement: any) => ({
    stackName: 'Target',
    template: { Resources: { TargetRole: role(trust(statement), { RoleName: 'data-reader' }) } },
  });
  const chained = (statement: any, associationRoleName = 'worker') => EksIdentityChecks.checkTemplates([
    {
      stackName: 'S',
      template: {
        Resources: withResources({
          WorkerRole: role(trust(podStatement()), { RoleName: associationRoleName }),
          WorkerAssociation: association('apps', 'worker', 'WorkerRole', { TargetRoleArn: 'arn:aws:iam::210987654321:role/data-reader' }),
        }),
      },
    },
    target(statement),
  ]).filter((f) => f.ruleId === 'EKSID-POD-009');
  const fromWorker = (actions: string[]) => ({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/worker` }, Action: actions });

  test('flags a target role that does not allow the association role sts:TagSession', () => {
    const [finding] = chained(fromWorker(['sts:AssumeRole']));
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'WorkerAssociation', location: 'Properties/TargetRoleArn' });
    expect(finding.message).toContain('chains to target role TargetRole, but the trust policy of target role TargetRole (stack Target) '
      + 'does not allow the association role (role worker) sts:TagSession');
  });
  test('flags a target role that trusts another role', () => {
    expect(chained(fromWorker(['sts:AssumeRole', 'sts:TagSession']), 'other-worker')[0].message).toContain('sts:AssumeRole and sts:TagSession');
  });
  test('passes a target role trusting the association role or its account with both actions', () => {
    expect(chained(fromWorker(['sts:AssumeRole', 'sts:TagSession']))).toEqual([]);
    expect(chained({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: ['sts:AssumeRole', 'sts:TagSession'] })).toEqual([]);
  });
  test('passes a target role trusting the account root written with the deploy-time partition', () => {
    const root = { 'Fn::Sub': `arn:\${AWS::Partition}:iam::${ACCOUNT}:root` };
    const condition = { ArnEquals: { 'aws:PrincipalARN': `arn:aws:iam::${ACCOUNT}:role/worker` } };
    expect(chained({ Effect: 'Allow', Principal: { AWS: root }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: condition })).toEqual([]);
  });
});

describe('EKSID-ACCESS-001 system: groups', () => {
  test('flags system:masters and points to AmazonEKSClusterAdminPolicy', () => {
    const [finding] = run('EKSID-ACCESS-001', { Admin: accessEntry({ KubernetesGroups: ['system:masters'] }) });
    expect(finding.level).toBe(CheckLevel.ERROR);
    expect(finding.message).toContain('Kubernetes group \'system:masters\' starts with \'system:\', which access entries reject '
      + '(system:masters cannot be granted through an access entry)');
    expect(finding.fix).toContain('AmazonEKSClusterAdminPolicy');
  });
  test('passes groups of your own', () => {
    expect(run('EKSID-ACCESS-001', { Admin: accessEntry({ KubernetesGroups: ['platform-admins'] }) })).toEqual([]);
  });
});

describe('EKSID-ACCESS-002 reserved usernames', () => {
  test('flags reserved prefixes', () => {
    for (const username of ['system:admin', 'eks:me', 'aws:x', 'amazon:x', 'iam:x']) {
      const [finding] = run('EKSID-ACCESS-002', { Admin: accessEntry({ Username: username }) });
      expect(finding.message).toContain(`username '${username}' starts with '${username.split(':')[0]}:', a prefix EKS reserves`);
    }
  });
  test('flags {{SessionName}} without a colon before it', () => {
    expect(run('EKSID-ACCESS-002', { Admin: accessEntry({ Username: 'admin-{{SessionName}}' }) })[0].message)
      .toContain('has {{SessionName}} without a colon before it');
  });
  test('passes admin:{{SessionName}}', () => {
    expect(run('EKSID-ACCESS-002', { Admin: accessEntry({ Username: 'admin:{{SessionName}}' }) })).toEqual([]);
  });
});

describe('EKSID-ACCESS-003 groups and username only on STANDARD', () => {
  test('flags groups on an EC2_LINUX entry', () => {
    const [finding] = run('EKSID-ACCESS-003', { Admin: accessEntry({ Type: 'EC2_LINUX', KubernetesGroups: ['nodes'], Username: 'n' }) });
    expect(finding.message).toContain('an access entry of type EC2_LINUX cannot have kubernetesGroups (nodes) and username \'n\'; only STANDARD entries take groups and a username');
  });
  test('passes groups on a STANDARD entry', () => {
    expect(run('EKSID-ACCESS-003', { Admin: accessEntry({ Type: 'STANDARD', KubernetesGroups: ['devs'], Username: 'dev:{{SessionName}}' }) }))
      .toEqual([]);
  });
});

describe('EKSID-ACCESS-004 no access policies on EC2 node entries', () => {
  test('flags access policies on EC2_WINDOWS', () => {
    const [finding] = run('EKSID-ACCESS-004', { Admin: accessEntry({ Type: 'EC2_WINDOWS', AccessPolicies: [CLUSTER_ADMIN] }) });
    expect(finding.message).toContain('an access entry of type EC2_WINDOWS cannot have access policies (AmazonEKSClusterAdminPolicy)');
  });
  test('passes an Auto Mode EC2 entry with its node policy', () => {
    const autoNode = { PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy', AccessScope: { Type: 'cluster' } };
    expect(run('EKSID-ACCESS-004', { Admin: accessEntry({ Type: 'EC2', AccessPolicies: [autoNode] }) })).toEqual([]);
  });
});

describe('EKSID-ACCESS-005 at most 20 access policies', () => {
  const policies = (n: number) => Array.from({ length: n }, (_, i) => ({ PolicyArn: `arn:aws:eks::aws:cluster-access-policy/Policy${i}`, AccessScope: { Type: 'cluster' } }));
  test('flags 21', () => {
    expect(run('EKSID-ACCESS-005', { Admin: accessEntry({ AccessPolicies: policies(21) }) })[0].message)
      .toBe('access entry Admin: the access entry has 21 access policies; at most 20 fit on one entry');
  });
  test('passes 20', () => {
    expect(run('EKSID-ACCESS-005', { Admin: accessEntry({ AccessPolicies: policies(20) }) })).toEqual([]);
  });
});

describe('EKSID-ACCESS-006 namespace scope lists namespaces', () => {
  test('flags a namespace scope without namespaces', () => {
    const [finding] = run('EKSID-ACCESS-006', { Admin: accessEntry({ AccessPolicies: [CLUSTER_ADMIN, { ...CLUSTER_ADMIN, AccessScope: { Type: 'namespace' } }] }) });
    expect(finding.location).toBe('Properties/AccessPolicies/1/AccessScope');
    expect(finding.message).toContain('access policy AmazonEKSClusterAdminPolicy has scope \'namespace\' but no namespaces');
  });
  test('passes a namespace scope with namespaces', () => {
    expect(run('EKSID-ACCESS-006', { Admin: accessEntry({ AccessPolicies: [{ ...CLUSTER_ADMIN, AccessScope: { Type: 'namespace', Namespaces: ['apps'] } }] }) }))
      .toEqual([]);
  });
});

describe('EKSID-ACCESS-007 authentication mode', () => {
  test('flags a cluster without AccessConfig (CloudFormation defaults to CONFIG_MAP)', () => {
    const [finding] = run('EKSID-ACCESS-007', { Cluster: { Type: 'AWS::EKS::Cluster', Properties: {} } });
    expect(finding).toMatchObject({ level: CheckLevel.ERROR, logicalId: 'Cluster' });
    expect(finding.message).toContain('cluster Cluster has authentication mode CONFIG_MAP (not set: the CloudFormation default) but 1 access entries (Admin)');
  });
  test('flags an explicit CONFIG_MAP', () => {
    expect(run('EKSID-ACCESS-007', { Cluster: { Type: 'AWS::EKS::Cluster', Properties: { AccessConfig: { AuthenticationMode: 'CONFIG_MAP' } } } }))
      .toHaveLength(1);
  });
  test('passes API_AND_CONFIG_MAP', () => {
    expect(run('EKSID-ACCESS-007', { Cluster: { Type: 'AWS::EKS::Cluster', Properties: { AccessConfig: { AuthenticationMode: 'API_AND_CONFIG_MAP' } } } }))
      .toEqual([]);
  });
});

describe('EKSID-ACCESS-008 cluster admin for IAM users', () => {
  test('flags AmazonEKSClusterAdminPolicy granted to an IAM user', () => {
    const [finding] = run('EKSID-ACCESS-008', { Admin: accessEntry({ PrincipalArn: `arn:aws:iam::${ACCOUNT}:user/alice`, AccessPolicies: [CLUSTER_ADMIN] }) });
    expect(finding.level).toBe(CheckLevel.WARNING);
    expect(finding.message).toContain(`grants AmazonEKSClusterAdminPolicy to IAM user arn:aws:iam::${ACCOUNT}:user/alice: cluster admin then rests on long-lived access keys`);
  });
  test('passes roles, and view access for users', () => {
    expect(run('EKSID-ACCESS-008', {})).toEqual([]);
    const view = { PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', AccessScope: { Type: 'cluster' } };
    expect(run('EKSID-ACCESS-008', { Admin: accessEntry({ PrincipalArn: `arn:aws:iam::${ACCOUNT}:user/alice`, AccessPolicies: [view] }) })).toEqual([]);
  });
});

describe('EKSID-IAM-001 / EKSID-IAM-002 trust policy size', () => {
  const subjects = (n: number) => Array.from({ length: n }, (_, i) => `system:serviceaccount:namespace-${i}:service-account-${i}`);
  test('warns over 2048 characters, with an upper bound for Fn::Join documents', () => {
    const findings = check(withResources({ WebRole: role(irsaTrust({ sub: subjects(40) })) }));
    const [finding] = findingsOf(findings, 'EKSID-IAM-001');
    expect(finding.level).toBe(CheckLevel.WARNING);
    expect(finding.message).toMatch(/^the trust policy of role WebRole is up to \d+ characters \(an upper bound: deploy-time values counted at their longest\), over IAM's default quota of 2048$/);
    expect(findingsOf(findings, 'EKSID-IAM-002')).toEqual([]);
  });
  test('errors over 4096 characters, exact for literal documents', () => {
    const document = trust({
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/x' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'x:sub': subjects(80), 'x:aud': 'sts.amazonaws.com' } },
    });
    const expected = JSON.stringify(document).replace(/\s/g, '').length;
    const findings = check(withResources({ WebRole: role(document) }));
    expect(findingsOf(findings, 'EKSID-IAM-002')[0].message).toBe(`the trust policy of role WebRole is ${expected} characters, over IAM's maximum of 4096: `
      + 'no quota increase makes it deployable');
    expect(findingsOf(findings, 'EKSID-IAM-001')).toEqual([]);
  });
  test('passes a small trust policy', () => {
    const findings = check(withResources({ WebRole: role(irsaTrust({ sub: subjects(10) })) }));
    expect([...findingsOf(findings, 'EKSID-IAM-001'), ...findingsOf(findings, 'EKSID-IAM-002')]).toEqual([]);
  });
});

describe('EKSID-IAM-003 / EKSID-IAM-004 managed policies per role', () => {
  const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::aws:policy/Policy${i}`);
  test('warns over 10', () => {
    const findings = check(withResources({ NodeRole: role(trust(), { ManagedPolicyArns: arns(11) }) }));
    expect(findingsOf(findings, 'EKSID-IAM-003')[0].message).toBe('role NodeRole has 11 managed policies, over IAM\'s default quota of 10');
    expect(findingsOf(findings, 'EKSID-IAM-004')).toEqual([]);
  });
  test('errors over 20, counting AWS::IAM::ManagedPolicy resources attached by Roles', () => {
    const findings = check(withResources({
      NodeRole: role(trust(), { ManagedPolicyArns: arns(20) }),
      Extra: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Roles: [{ Ref: 'NodeRole' }], PolicyDocument: { Statement: [] } } },
    }));
    expect(findingsOf(findings, 'EKSID-IAM-004')[0].message).toBe('role NodeRole has 21 managed policies; IAM allows at most 20');
    expect(findingsOf(findings, 'EKSID-IAM-003')).toEqual([]);
  });
  test('passes 10', () => {
    const findings = check(withResources({ NodeRole: role(trust(), { ManagedPolicyArns: arns(10) }) }));
    expect([...findingsOf(findings, 'EKSID-IAM-003'), ...findingsOf(findings, 'EKSID-IAM-004')]).toEqual([]);
  });
});

describe('EKSID-IAM-005 inline policy size', () => {
  const policy = (buckets: number) => ({
    PolicyName: 'p',
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: buckets }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }] },
  });
  test('flags inline policies over 10,240 characters in total (Policies plus attached AWS::IAM::Policy)', () => {
    const findings = run('EKSID-IAM-005', {
      WorkerRole: role(trust(podStatement()), { Policies: [policy(200)] }),
      More: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'more', Roles: [{ Ref: 'WorkerRole' }], PolicyDocument: policy(200).PolicyDocument } },
    });
    expect(findings[0].level).toBe(CheckLevel.ERROR);
    expect(findings[0].message).toMatch(/^the 2 inline policies of role WorkerRole total \d+ characters, over IAM's quota of 10240$/);
  });
  test('passes small inline policies', () => {
    expect(run('EKSID-IAM-005', { WorkerRole: role(trust(podStatement()), { Policies: [policy(200)] }) })).toEqual([]);
  });
});

describe('EKSID-IAM-006 role names', () => {
  test('flags names over 64 characters and invalid characters', () => {
    expect(run('EKSID-IAM-006', { WebRole: role(irsaTrust(), { RoleName: 'r'.repeat(65) }) })[0].message)
      .toBe(`role WebRole: RoleName '${'r'.repeat(65)}' is 65 characters long (IAM allows at most 64); IAM rejects it`);
    expect(run('EKSID-IAM-006', { WebRole: role(irsaTrust(), { RoleName: 'apps web/role' }) })[0].message)
      .toContain('contains " " (whitespace), "/", which IAM does not allow in role names');
  });
  test('passes valid names and names with deploy-time parts', () => {
    expect(run('EKSID-IAM-006', {})).toEqual([]);
    expect(run('EKSID-IAM-006', { WebRole: role(irsaTrust(), { RoleName: { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'web']] } }) })).toEqual([]);
  });
});
