import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mermaidEdges } from './mermaid-edges';
import { rawTokenLines } from './raw-tokens';
import { createLabApp } from '../../labs/lab-app';
import { LAB1_ROLE_NAME } from '../../labs/lab1-irsa';
import { LAB2_ROLE_NAME } from '../../labs/lab2-pod-identity';
import { LAB3_POD_IDENTITY_ROLE_NAME, LAB3_POD_IDENTITY_SERVICE_ACCOUNT, LAB3_ROLE_NAME } from '../../labs/lab3-alb-controller';
import { LAB4_GROUP, LAB4_NAMESPACE } from '../../labs/lab4-authentication';
import { writeIdentityReport } from '../../labs/write-report';
import { AccessScopeType, CreatorAdmin, IdentityMode, IdentityReport, TrustScope } from '../../src';
import { readAssembly } from '../../src/checks/assembly';
import { runReport } from '../../src/cli/commands/report';
import { CREATOR_ADMIN_OFF, CREATOR_ADMIN_PRINCIPAL } from '../../src/core/access-entry-rules';

const LAB1 = 'EksIdentityLab1Irsa';
const LAB2 = 'EksIdentityLab2PodIdentity';
const LAB3 = 'EksIdentityLab3AlbController';
const LAB4 = 'EksIdentityLab4Authentication';
const ADMIN_ARN = 'arn:aws:iam::123456789012:role/Admin';

let outdir: string;
let report: IdentityReport;
beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'labs-report-'));
  createLabApp({ outdir }).synth();
  report = IdentityReport.fromAssembly(outdir);
});

function clusterOf(stackName: string) {
  const found = report.clusters.filter((c) => c.stackName === stackName);
  expect(found).toHaveLength(1);
  return found[0];
}

function edgesOf(stackName: string): string[] {
  return mermaidEdges(IdentityReport.fromTemplates(readAssembly(outdir).filter((i) => i.stackName === stackName)).toMermaid());
}

test('one cluster per lab stack, plus lab 3\'s second cluster known by its name (its issuer recorded in the template Metadata); no findings', () => {
  expect(report.stackNames).toEqual([LAB1, LAB2, LAB3, LAB4]);
  expect(report.clusters.map((c) => [c.name, c.stackName, c.inTemplates])).toEqual([
    ['myeks', LAB1, true],
    ['myeks', LAB2, true],
    ['myeks', LAB3, true],
    ['myeks', LAB4, true],
    ['myeks-two', undefined, false],
  ]);
  expect(report.clusters.map((c) => c.authenticationMode)).toEqual(['API', 'API', 'API', 'API', undefined]);
  expect(report.findings).toEqual([]);
  expect(report.otherFindings).toEqual([]);
});

test('every lab cluster decides the creator\'s admin: BootstrapClusterCreatorAdminPermissions false, one line in its section', () => {
  expect(report.clusters.map((c) => c.creatorAdmin)).toEqual([
    CreatorAdmin.NOT_GRANTED, CreatorAdmin.NOT_GRANTED, CreatorAdmin.NOT_GRANTED, CreatorAdmin.NOT_GRANTED, undefined,
  ]);
  const markdown = report.toMarkdown();
  expect(markdown.split(CREATOR_ADMIN_OFF).length - 1).toBe(4);
  expect(markdown).not.toContain(`| ${CREATOR_ADMIN_PRINCIPAL}`);
});

test('every lab cluster gives the admin role cluster admin through an access entry', () => {
  for (const stackName of [LAB1, LAB2, LAB3, LAB4]) {
    const admin = clusterOf(stackName).accessEntries.find((e) => e.principalArn === ADMIN_ARN);
    expect(admin).toMatchObject({
      principalName: 'role Admin',
      type: 'STANDARD',
      kubernetesGroups: [],
      accessPolicies: [{ policyName: 'AmazonEKSClusterAdminPolicy', scope: AccessScopeType.CLUSTER, namespaces: [] }],
    });
    expect(admin!.username).toBeUndefined();
  }
});

describe('lab 1 (IRSA)', () => {
  test('default/my-sa assumes myeks-irsa-my-sa by IRSA, exact subject + audience, annotated', () => {
    const cluster = clusterOf(LAB1);
    expect(cluster.serviceAccounts).toHaveLength(1);
    expect(cluster.serviceAccounts[0]).toMatchObject({
      namespace: 'default',
      serviceAccount: 'my-sa',
      mode: IdentityMode.IRSA,
      roleName: LAB1_ROLE_NAME,
      scope: TrustScope.EXACT_SUBJECT,
      scopeDescription: 'exact subject + audience',
      subject: 'system:serviceaccount:default:my-sa',
      audienceRestricted: true,
      notes: ['ServiceAccount object annotated with this role'],
    });
    expect(cluster.serviceAccountsWithoutRole).toEqual([]);
  });

  test('the role may read S3 through AmazonS3ReadOnlyAccess and nothing inline', () => {
    const cluster = clusterOf(LAB1);
    expect(cluster.roles).toEqual([expect.objectContaining({
      name: LAB1_ROLE_NAME, inTemplates: true, stackName: LAB1, managedPolicies: ['AmazonS3ReadOnlyAccess'], statements: [],
    })]);
  });

  test('the diagram: admin → cluster → default → my-sa → role → AmazonS3ReadOnlyAccess', () => {
    expect(edgesOf(LAB1)).toEqual([
      `IAM role Admin -->|AmazonEKSClusterAdminPolicy (cluster)| EKS cluster myeks<br/>stack ${LAB1}`,
      `EKS cluster myeks<br/>stack ${LAB1} --> namespace default`,
      'namespace default --> SA my-sa',
      `IAM role ${LAB1_ROLE_NAME} --> AmazonS3ReadOnlyAccess`,
      `SA my-sa -->|IRSA: exact subject + audience| IAM role ${LAB1_ROLE_NAME}`,
    ]);
  });
});

describe('lab 2 (EKS Pod Identity)', () => {
  test('default/s3-sa assumes s3-eks-pod-identity-role by pod identity, scoped by session tags', () => {
    const cluster = clusterOf(LAB2);
    expect(cluster.serviceAccounts).toHaveLength(1);
    expect(cluster.serviceAccounts[0]).toMatchObject({
      namespace: 'default',
      serviceAccount: 's3-sa',
      mode: IdentityMode.POD_IDENTITY,
      roleName: LAB2_ROLE_NAME,
      scope: TrustScope.SESSION_TAGS,
      scopeDescription: 'session tags: cluster+namespace+SA',
      sessionTagsDisabled: false,
      sessionPolicy: false,
      notes: [],
    });
    expect(cluster.serviceAccounts[0].targetRoleId).toBeUndefined();
    expect(cluster.roles.map((r) => [r.name, r.managedPolicies])).toEqual([[LAB2_ROLE_NAME, ['AmazonS3ReadOnlyAccess']]]);
    // The service account object has no annotation and is bound by the association, so it is not "without a role".
    expect(cluster.serviceAccountsWithoutRole).toEqual([]);
  });

  test('the diagram labels the edge with the mode and the scope', () => {
    expect(edgesOf(LAB2)).toContain(`SA s3-sa -->|Pod Identity: session tags: cluster+namespace+SA| IAM role ${LAB2_ROLE_NAME}`);
    expect(edgesOf(LAB2)).toContain(`IAM role ${LAB2_ROLE_NAME} --> AmazonS3ReadOnlyAccess`);
  });
});

describe('lab 3 (load balancer controller, two clusters)', () => {
  test('myeks: the controller on IRSA and, under a second name, on pod identity', () => {
    const cluster = clusterOf(LAB3);
    expect(cluster.serviceAccounts.map((b) => [`${b.namespace}/${b.serviceAccount}`, b.mode, b.roleName, b.scopeDescription])).toEqual([
      [`kube-system/${LAB3_POD_IDENTITY_SERVICE_ACCOUNT}`, IdentityMode.POD_IDENTITY, LAB3_POD_IDENTITY_ROLE_NAME, 'session tags: cluster+namespace+SA'],
      ['kube-system/aws-load-balancer-controller', IdentityMode.IRSA, LAB3_ROLE_NAME, 'exact subject + audience'],
    ]);
  });

  test('the role trusted by the second cluster is reported under that cluster, with its own ServiceAccount object', () => {
    const second = report.clusters.find((c) => c.id === 'name:myeks-two')!;
    expect(second.serviceAccounts).toEqual([expect.objectContaining({
      namespace: 'kube-system',
      serviceAccount: 'aws-load-balancer-controller',
      mode: IdentityMode.IRSA,
      roleName: LAB3_ROLE_NAME,
      scope: TrustScope.EXACT_SUBJECT,
      notes: ['ServiceAccount object annotated with this role'],
    })]);
    expect(second.accessEntries).toEqual([]);
  });

  test('the controller role\'s inline statements are summarized with actions and resources', () => {
    const role = clusterOf(LAB3).roles.find((r) => r.name === LAB3_ROLE_NAME)!;
    expect(role.managedPolicies).toEqual([]);
    expect(role.statements.length).toBeGreaterThan(10);
    expect(role.statements[0]).toMatchObject({
      effect: 'Allow',
      actions: ['iam:CreateServiceLinkedRole'],
      resources: ['arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing'],
      conditional: true,
      conditions: ['StringEquals iam:AWSServiceName = elasticloadbalancing.amazonaws.com'],
      source: 'inline',
      summary: 'Allow iam:CreateServiceLinkedRole on arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing '
        + 'when StringEquals iam:AWSServiceName = elasticloadbalancing.amazonaws.com',
    });
    expect(role.statements.map((s) => s.summary)).toContain(
      'Allow elasticloadbalancing:DeregisterTargets, elasticloadbalancing:RegisterTargets on arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/*/*');
  });

  test('the Markdown lists each statement once: the IRSA role only where it differs from the pod identity role, the second cluster by reference', () => {
    const markdown = report.toMarkdown();
    const occurrences = (text: string) => markdown.split(text).length - 1;
    // A statement both roles have, listed once in the whole report.
    expect(occurrences('- Allow elasticloadbalancing:DeregisterTargets, elasticloadbalancing:RegisterTargets on ')).toBe(1);
    // The pod identity role is scoped to cluster myeks by tag; the IRSA role (trusted by two clusters) by the tag's presence: the 7 that differ are listed.
    expect(markdown).toContain(`- **\`${LAB3_ROLE_NAME}\`** (\`${LAB3}/ClusterAlbControllerIrsaRole15B8CB5C\`)\n`
      + `  - 12 of its 19 statements are the same as role \`${LAB3_POD_IDENTITY_ROLE_NAME}\`'s (above); the other 7:\n`
      + '  - Allow ec2:CreateTags on arn:aws:ec2:ap-northeast-2:123456789012:security-group/* '
      + 'when StringEquals ec2:CreateAction = CreateSecurityGroup and Null aws:RequestTag/elbv2.k8s.aws/cluster = false\n');
    expect(occurrences('when StringEquals ec2:CreateAction = CreateSecurityGroup and StringEquals aws:RequestTag/elbv2.k8s.aws/cluster = myeks')).toBe(1);
    expect(markdown).toContain(`- **\`${LAB3_ROLE_NAME}\`** (\`${LAB3}/ClusterAlbControllerIrsaRole15B8CB5C\`)\n`
      + `  - its 19 statements are listed under cluster \`myeks\` (stack \`${LAB3}\`)\n`);
    // The JSON keeps every statement of every role, in every cluster.
    const json = JSON.parse(report.toJson());
    expect(json.clusters.filter((c: any) => c.roles.some((r: any) => r.name === LAB3_ROLE_NAME && r.statements.length === 19))).toHaveLength(2);
  });
});

describe('lab 4 (access entries)', () => {
  const entry = (name: string) => clusterOf(LAB4).accessEntries.find((e) => e.principalName === `role ${name}`)!;

  test('testuser: AmazonEKSClusterAdminPolicy at cluster scope, username testuser:{{SessionName}}', () => {
    // Its ARN is only known at deploy time: described, and named as a resource of the templates, never a token.
    expect(entry('testuser').principalArn).toBeUndefined();
    expect(entry('testuser')).toMatchObject({
      principal: `role testuser (${LAB4}/TestUser/Resource)`,
      principalReference: { stackName: LAB4, logicalId: 'TestUser6A619381', attribute: 'Arn' },
      type: 'STANDARD',
      username: 'testuser:{{SessionName}}',
      kubernetesGroups: [],
      accessPolicies: [{ policyName: 'AmazonEKSClusterAdminPolicy', scope: AccessScopeType.CLUSTER, namespaces: [] }],
    });
  });

  test('viewer at cluster scope, editor in namespace app', () => {
    expect(entry('myeks-viewer').accessPolicies).toEqual([{
      policyName: 'AmazonEKSViewPolicy', policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', scope: AccessScopeType.CLUSTER, namespaces: [],
    }]);
    expect(entry('myeks-app-editor').accessPolicies).toEqual([{
      policyName: 'AmazonEKSEditPolicy', policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy', scope: AccessScopeType.NAMESPACE, namespaces: [LAB4_NAMESPACE],
    }]);
  });

  test('pod reader: group pod-readers, bound by a RoleBinding in app to a Role that reads pods', () => {
    expect(entry('myeks-pod-reader')).toMatchObject({ kubernetesGroups: [LAB4_GROUP], accessPolicies: [] });
    expect(entry('myeks-pod-reader').groupBindings).toEqual([{
      group: LAB4_GROUP,
      binding: `RoleBinding ${LAB4_NAMESPACE}/pod-readers`,
      roleRef: 'Role pod-readers',
      rules: ['get, list, watch pods, pods/log', 'list events'],
    }]);
  });

  test('no service account can assume a role', () => {
    expect(clusterOf(LAB4).serviceAccounts).toEqual([]);
    expect(clusterOf(LAB4).roles).toEqual([]);
  });

  test('the diagram: principals → cluster (cluster scope) or → namespace app (namespace scope)', () => {
    const cluster = `EKS cluster myeks<br/>stack ${LAB4}`;
    expect(edgesOf(LAB4)).toEqual([
      `IAM role Admin -->|AmazonEKSClusterAdminPolicy (cluster)| ${cluster}`,
      `IAM role testuser -->|AmazonEKSClusterAdminPolicy (cluster)<br/>username: testuser:{{SessionName}}| ${cluster}`,
      `IAM role myeks-viewer -->|AmazonEKSViewPolicy (cluster)| ${cluster}`,
      `${cluster} --> namespace app`,
      'IAM role myeks-app-editor -->|AmazonEKSEditPolicy| namespace app',
      `IAM role myeks-pod-reader -->|groups: pod-readers| ${cluster}`,
    ]);
  });

  test('the Markdown report of lab 4 (snapshot)', () => {
    const markdown = IdentityReport.fromTemplates(readAssembly(outdir).filter((i) => i.stackName === LAB4)).toMarkdown();
    expect(markdown).toContain(`| role testuser (${LAB4}/TestUser/Resource) | STANDARD | \`testuser:{{SessionName}}\` |  | AmazonEKSClusterAdminPolicy (cluster) |`);
    expect(markdown).toContain(`| role myeks-app-editor (${LAB4}/AppEditor/Resource) | STANDARD |  |  | AmazonEKSEditPolicy (namespace app) |`);
    expect(markdown).toContain('- group `pod-readers`: RoleBinding app/pod-readers → Role pod-readers: get, list, watch pods, pods/log; list events');
    expect(markdown).toMatchSnapshot();
  });
});

test('no raw token anywhere: Markdown, Mermaid and JSON describe deploy-time values', () => {
  expect(rawTokenLines(report)).toEqual([]);
  expect(rawTokenLines(IdentityReport.fromAssembly(outdir, { summarizeAbove: 0 }))).toEqual([]);
});

test('the whole Mermaid diagram starts with flowchart LR and holds every lab\'s edges', () => {
  const mermaid = report.toMermaid();
  expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
  const edges = mermaidEdges(mermaid);
  // The admin role is one node with an edge to each lab cluster.
  expect(edges.filter((e) => e.startsWith('IAM role Admin -->'))).toHaveLength(4);
  expect(edges).toContain(`SA aws-load-balancer-controller -->|IRSA: exact subject + audience| IAM role ${LAB3_ROLE_NAME}`);
});

test('the JSON report is the document: clusters, service accounts, access entries', () => {
  const json = JSON.parse(report.toJson());
  expect(Object.keys(json)).toEqual(['stackNames', 'clusters', 'otherFindings']);
  expect(json.clusters[0].serviceAccounts[0]).toMatchObject({ namespace: 'default', serviceAccount: 'my-sa', mode: 'IRSA', scope: 'EXACT_SUBJECT' });
  expect(json).toEqual(JSON.parse(JSON.stringify(report.document)));
});

test('writeIdentityReport writes identity-report.md and identity-report.json next to the templates', () => {
  const written = writeIdentityReport(outdir);
  expect(written).toEqual([path.join(outdir, 'identity-report.md'), path.join(outdir, 'identity-report.json')]);
  expect(fs.readFileSync(written[0], 'utf8')).toBe(report.toMarkdown());
  expect(JSON.parse(fs.readFileSync(written[1], 'utf8')).clusters).toHaveLength(5);
});

describe('cdk-eks-identity report', () => {
  function run(args: string[]): { code: number; text: string } {
    const lines: string[] = [];
    const code = runReport(args, (line) => lines.push(line), (line) => lines.push(`stderr: ${line}`));
    return { code, text: lines.join('\n') };
  }

  test('prints Markdown by default', () => {
    const { code, text } = run([outdir]);
    expect(code).toBe(0);
    expect(text + '\n').toBe(report.toMarkdown());
  });

  test('--format json and --format=mermaid', () => {
    const json = run([outdir, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.text)).toEqual(JSON.parse(report.toJson()));
    const mermaid = run(['--format=mermaid', outdir]);
    expect(mermaid.code).toBe(0);
    expect(mermaid.text + '\n').toBe(report.toMermaid());
  });

  test('exits 2 on bad usage and on a directory that is not a cloud assembly', () => {
    expect(run([outdir, '--format', 'html'])).toEqual({
      code: 2, text: 'stderr: error: --format takes one of md, json, mermaid, not html\nstderr: usage: cdk-eks-identity report [<cdk.out>] [--format md|json|mermaid] [--summarize-above <n>]',
    });
    expect(run([outdir, 'extra']).code).toBe(2);
    expect(run(['--verbose']).code).toBe(2);
    const missing = path.join(outdir, 'missing');
    expect(run([missing])).toEqual({ code: 2, text: `stderr: error: ${missing} is not a directory. Fix: run cdk synth first, or pass the cloud assembly directory (cdk.out)` });
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'not-an-assembly-'));
    expect(run([empty])).toEqual({ code: 2, text: `stderr: error: ${empty} is not a cloud assembly: it has no manifest.json. Fix: run cdk synth first, or pass the directory cdk synth wrote (cdk.out)` });
  });

  test('--summarize-above: a whole number; 0 summarizes every list', () => {
    expect(run([outdir, '--summarize-above', 'many'])).toEqual({
      code: 2, text: 'stderr: error: --summarize-above takes a whole number, not many\nstderr: usage: cdk-eks-identity report [<cdk.out>] [--format md|json|mermaid] [--summarize-above <n>]',
    });
    expect(run([outdir, '--summarize-above']).code).toBe(2);
    const summarized = run([outdir, '--summarize-above=0']);
    expect(summarized.code).toBe(0);
    expect(summarized.text + '\n').toBe(IdentityReport.fromAssembly(outdir, { summarizeAbove: 0 }).toMarkdown());
    expect(summarized.text).toContain('## Summary');
    expect(run([outdir, '--summarize-above', '50']).text + '\n').toBe(report.toMarkdown());
  });

  test('--help prints the usage and exits 0', () => {
    const { code, text } = run(['--help']);
    expect(code).toBe(0);
    expect(text).toContain('--format md|json|mermaid');
  });
});
