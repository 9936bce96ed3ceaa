import { mermaidEdges } from './mermaid-edges';
import { CheckInput, IdentityMode, IdentityReport, TrustScope } from '../../src';
import { ACCOUNT, irsaTrust, role, serviceAccount } from '../checks/fixtures';
import { scaleInputs } from '../checks/scale-inputs';

/*
 * The report of a large assembly: the JSON lists everything; the Markdown and the Mermaid diagram
 * count service accounts by namespace and kind of trust, list only the bindings whose trust is not
 * exact, and the diagram of each cluster stays within Mermaid's default limits (500 edges, 50,000
 * characters).
 */

/** Mermaid's defaults (https://mermaid.js.org/config/schema-docs/config.html: maxEdges, maxTextSize). */
const MERMAID_MAX_EDGES = 500;
const MERMAID_MAX_TEXT = 50000;

/** A stack of loose trusts on the same cluster: a namespace wildcard, a trust without :aud, and a pod identity role without tag conditions. */
function looseStack(): CheckInput {
  const podRole = role({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }, { RoleName: 'loose-pod' });
  return {
    stackName: 'Cluster',
    template: {
      Resources: {
        Wildcard: role(irsaTrust({ sub: ['system:serviceaccount:ns-1:*'], subOperator: 'StringLike' }), { RoleName: 'team-wildcard' }),
        NoAudience: role(irsaTrust({ sub: ['system:serviceaccount:ns-2:no-aud'], aud: null }), { RoleName: 'no-audience' }),
        LoosePod: podRole,
        LooseAssociation: {
          Type: 'AWS::EKS::PodIdentityAssociation',
          Properties: { ClusterName: { Ref: 'Cluster' }, Namespace: 'ns-3', ServiceAccount: 'loose', RoleArn: { 'Fn::GetAtt': ['LoosePod', 'Arn'] } },
        },
      },
    },
    kubernetesManifests: [serviceAccount('ns-2', 'no-aud', `arn:aws:iam::${ACCOUNT}:role/no-audience`)],
  };
}

/** The inputs with the loose resources merged into the cluster stack. */
function largeInputs(identities: number, namespaces: number): CheckInput[] {
  const inputs = scaleInputs({ identities, stacks: 20, namespaces });
  const loose = looseStack();
  inputs[0] = {
    ...inputs[0],
    template: { ...inputs[0].template, Resources: { ...inputs[0].template.Resources, ...loose.template.Resources } },
    clusterKubernetesManifests: [{ cluster: 'bench', manifests: [...inputs[0].clusterKubernetesManifests![0].manifests, ...loose.kubernetesManifests!] }],
  };
  return inputs;
}

describe('2,000 identities in 7 namespaces, with a few loose trusts', () => {
  const report = IdentityReport.fromTemplates(largeInputs(2000, 7));
  const cluster = report.clusters[0];
  const markdown = report.toMarkdown();
  const mermaid = report.toMermaid();

  test('the JSON lists every binding and role', () => {
    expect(report.clusters).toHaveLength(1);
    expect(cluster.serviceAccounts.filter((b) => /^sa-\d+$/.test(b.serviceAccount))).toHaveLength(2000);
    expect(cluster.roles.length).toBe(2003);
    const json = JSON.parse(report.toJson());
    expect(json.clusters[0].serviceAccounts).toHaveLength(cluster.serviceAccounts.length);
    expect(json).toEqual(JSON.parse(JSON.stringify(report.document)));
  });

  test('the Markdown starts with a summary and counts the service accounts by namespace', () => {
    expect(markdown).toContain('## Summary');
    expect(markdown).toContain('| `bench` | 2,003 | 1,002 | 1,001 | 3 | 2,003 | 1 |');
    expect(markdown).toContain('2,003 service account bindings to 2,003 roles (1,002 IRSA, 1,001 Pod Identity): more than 50');
    expect(markdown).toContain('### Service accounts by namespace');
    expect(markdown).toContain('| `ns-0` | 286 | 143 | 143 | Pod Identity: session tags: cluster+namespace+SA (143); IRSA: exact subject + audience (143) |');
    expect(markdown).toContain('| `ns-1` | 287 | 144 | 143 | Pod Identity: session tags: cluster+namespace+SA (143); IRSA: exact subject + audience (143); '
      + 'IRSA: namespace wildcard + audience (1) |');
    // The largest namespaces first.
    expect(markdown.indexOf('| `ns-3` |')).toBeLessThan(markdown.indexOf('| `ns-0` |'));
  });

  test('only the bindings whose trust is not exact are listed one by one', () => {
    const section = markdown.slice(markdown.indexOf('### Service accounts whose trust is not exact'), markdown.indexOf('### Role permissions'));
    expect(section).toContain('3 bindings of 2,003');
    expect(section).toContain('`ns-1/*`');
    expect(section).toContain('`ns-2/no-aud`');
    expect(section).toContain('`ns-3/loose`');
    expect(section).toContain('| `ns-1/*` | IRSA | `team-wildcard` | namespace wildcard (any service account in ns-1) + audience | none | '
      + 'matches service accounts in the Kubernetes objects: ns-1/sa-120, ns-1/sa-260,');
    expect(section).toContain('… (cut; every note is in the JSON report) |');
    expect(markdown).not.toContain('`ns-0/sa-0`');
    // The JSON keeps the whole note.
    const wildcard = cluster.serviceAccounts.find((b) => b.serviceAccount === '*')!;
    expect(wildcard.notes[0].split(', ')).toHaveLength(286); // every ServiceAccount object of ns-1
  });

  test('roles are grouped by what they may do, findings by rule', () => {
    expect(markdown).toContain('2,003 roles in 2 groups with the same permissions:\n\n'
      + '- **2,000 roles** (`role-1`, `role-21`, `role-41` (+1,997 more))\n  - Allow s3:GetObject on arn:aws:s3:::bench-data/*\n'
      + '- **3 roles** (`loose-pod`, `team-wildcard`, `no-audience`)\n  - no permissions\n');
    const findings = markdown.slice(markdown.indexOf('### Findings'));
    expect(findings).toContain('EKSID-POD-001');
    expect(findings).toContain('EKSID-POD-006'); // over 1,000 associations on one cluster
  });

  test('the Markdown stays short', () => {
    expect(markdown.length).toBeLessThan(20000);
  });

  test('the diagram draws namespaces with counts and kinds of trust, says what it aggregated, and stays within Mermaid\'s limits', () => {
    expect(mermaid.split('\n').filter((l) => l.includes('-->') || l.includes('-.->')).length).toBeLessThan(MERMAID_MAX_EDGES);
    expect(mermaid.length).toBeLessThan(MERMAID_MAX_TEXT);
    expect(mermaid).toContain('%% cluster bench: 2,003 service account bindings in 7 namespace groups, drawn by namespace and kind of trust with counts');
    const edges = mermaidEdges(mermaid);
    expect(edges).toContain('EKS cluster bench<br/>stack Cluster --> namespace ns-0<br/>286 service accounts');
    expect(edges.filter((e) => e.startsWith('namespace ns-0<br/>286 service accounts -->'))).toEqual([
      'namespace ns-0<br/>286 service accounts -->|Pod Identity: session tags: cluster+namespace+SA<br/>143 service accounts| 143 IAM roles<br/>role-21, role-161, role-301 (+140 more)',
      'namespace ns-0<br/>286 service accounts -->|IRSA: exact subject + audience<br/>143 service accounts| 143 IAM roles<br/>role-0, role-140, role-280 (+140 more)',
    ]);
    expect(edges).toContain('namespace ns-1<br/>287 service accounts -->|IRSA: namespace wildcard + audience<br/>1 service account| IAM role team-wildcard');
    expect(edges).toContain('namespace ns-2<br/>287 service accounts -->|IRSA: exact subject, audience not restricted<br/>1 service account| IAM role no-audience');
    expect(edges).toContain('namespace ns-3<br/>287 service accounts -->|Pod Identity: unscoped: any association in the account<br/>1 service account| IAM role loose-pod');
    expect(edges.some((e) => /IAM roles<br\/>.* --> Allow s3:GetObject on arn:aws:s3:::bench-data\/\*$/.test(e))).toBe(true);
    expect(edges).toContain('IAM role Admin -->|AmazonEKSClusterAdminPolicy (cluster)| EKS cluster bench<br/>stack Cluster');
  });

  test('the markdown of the cluster embeds that diagram', () => {
    expect(markdown).toContain(mermaid.trimEnd());
  });
});

test('many namespaces and kinds of trust: the diagram draws the largest namespaces and one node for the rest, within Mermaid\'s limits', () => {
  const report = IdentityReport.fromTemplates(largeInputs(3000, 400));
  const mermaid = report.toMermaid();
  expect(mermaid.split('\n').filter((l) => l.includes('-->') || l.includes('-.->')).length).toBeLessThan(MERMAID_MAX_EDGES);
  expect(mermaid.length).toBeLessThan(MERMAID_MAX_TEXT);
  expect(mermaid).toMatch(/%% cluster bench: 3,003 service account bindings in 400 namespace groups, drawn by namespace and kind of trust with counts \(the \d+ smallest namespace groups as one node\)/);
  expect(mermaidEdges(mermaid).some((e) => /^EKS cluster bench<br\/>stack Cluster --> \d+ other namespaces<br\/>[\d,]+ service accounts$/.test(e))).toBe(true);
  const markdown = report.toMarkdown();
  expect(markdown).toMatch(/… and 300 namespaces more: see the JSON report/);
});

test('many access entries: principals grouped by what they get', () => {
  const inputs = scaleInputs({ identities: 10, stacks: 2 });
  const entries: { [id: string]: any } = {};
  for (let i = 0; i < 120; i++) {
    entries[`Entry${i}`] = {
      Type: 'AWS::EKS::AccessEntry',
      Properties: {
        ClusterName: { Ref: 'Cluster' },
        PrincipalArn: `arn:aws:iam::${ACCOUNT}:role/dev-${i}`,
        AccessPolicies: [{
          PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
          AccessScope: { Type: 'namespace', Namespaces: [`team-${i % 3}`] },
        }],
      },
    };
  }
  inputs[0] = { ...inputs[0], template: { ...inputs[0].template, Resources: { ...inputs[0].template.Resources, ...entries } } };
  const report = IdentityReport.fromTemplates(inputs);
  const edges = mermaidEdges(report.toMermaid());
  expect(edges).toContain('40 IAM principals<br/>role dev-0, role dev-3, role dev-6 (+37 more) -->|AmazonEKSEditPolicy (namespace team-0)| EKS cluster bench<br/>stack Cluster');
  expect(edges.filter((e) => e.includes('IAM principal'))).toHaveLength(4); // three teams and the admin
  const markdown = report.toMarkdown();
  expect(markdown).toContain('121 access entries, grouped by what they grant:');
  expect(markdown).toContain('| 40 principals: role dev-0, role dev-3, role dev-6 (+37 more) | STANDARD |  |  | AmazonEKSEditPolicy (namespace team-0) |');
  // The service accounts are few: listed one by one as before.
  expect(markdown).toContain('### Service accounts and roles');
});

describe('summarizeAbove', () => {
  const inputs = scaleInputs({ identities: 6, stacks: 2 });

  test('a small report is not summarized by default', () => {
    const report = IdentityReport.fromTemplates(inputs);
    expect(report.summarizeAbove).toBe(50);
    expect(report.toMarkdown()).not.toContain('## Summary');
    expect(report.toMarkdown()).toContain('### Service accounts and roles');
    expect(report.toMarkdown()).toBe(IdentityReport.fromTemplates(inputs, { summarizeAbove: 50 }).toMarkdown());
  });

  test('0 summarizes every list', () => {
    const report = IdentityReport.fromTemplates(inputs, { summarizeAbove: 0 });
    const markdown = report.toMarkdown();
    expect(markdown).toContain('## Summary');
    expect(markdown).toContain('### Service accounts by namespace');
    expect(markdown).toContain('None: every role is held to exactly its service account');
    expect(report.toMermaid()).toContain('%% cluster bench: 6 service account bindings in 1 namespace group');
    expect(report.clusters[0].serviceAccounts.map((b) => [b.mode, b.scope])).toEqual(expect.arrayContaining([
      [IdentityMode.IRSA, TrustScope.EXACT_SUBJECT], [IdentityMode.POD_IDENTITY, TrustScope.SESSION_TAGS],
    ]));
  });

  test('is a whole number of at least 0', () => {
    expect(() => IdentityReport.fromTemplates(inputs, { summarizeAbove: -1 })).toThrow(/summarizeAbove must be a whole number of at least 0, not -1/);
    expect(() => IdentityReport.fromTemplates(inputs, { summarizeAbove: 2.5 })).toThrow(/not 2.5/);
  });
});
