import { accessPolicyName, externalRoleReport, principalName, roleId, roleLabel, roleReport } from './permissions';
import {
  AccessEntryReport, ClusterReport, GroupBindingReport, IdentityReportDocument, RoleReport, ServiceAccountBinding, TrustScope,
} from './report-types';
import { clusterOfKey, irsaSubjectGrants, issuerOfProviderArn, podIdentityVerdict } from './trust-analysis';
import { AccessScopeType } from '../access/access-policy';
import { CheckFinding, CheckInput } from '../checks/check-types';
import { wildcardMatch } from '../checks/model/policy-document';
import { CheckModel, ClusterModel, IrsaStatement, RoleModel } from '../checks/template-model';
import { IdentityMode } from '../identity/identity-mode';

/*
 * The identity graph of a set of templates: per cluster, which service account can assume which
 * role by which mode and how tightly, what the roles may do, and who may use the Kubernetes API.
 * Built on the checks' template model; nothing here parses a template again.
 */

interface ClusterBuilder {
  readonly report: Omit<ClusterReport, 'serviceAccounts' | 'serviceAccountsWithoutRole' | 'roles' | 'accessEntries' | 'findings'>;
  readonly model?: ClusterModel;
  readonly bindings: ServiceAccountBinding[];
  readonly withoutRole: Set<string>;
  readonly roles: Map<string, RoleReport>;
  readonly accessEntries: AccessEntryReport[];
  readonly findings: CheckFinding[];
  readonly objects: any[];
}

/** Kubernetes objects with `List`s expanded. */
function flatten(objects: any[]): any[] {
  return objects.flatMap((o) => o?.kind === 'List' && Array.isArray(o.items) ? flatten(o.items) : [o]);
}

/** The RBAC bindings of a group among Kubernetes objects, with the rules of what they bind. */
export function groupBindings(objects: any[], group: string): GroupBindingReport[] {
  return objects
    .filter((o) => (o?.kind === 'RoleBinding' || o?.kind === 'ClusterRoleBinding')
      && Array.isArray(o.subjects) && o.subjects.some((s: any) => s?.kind === 'Group' && s.name === group))
    .map((binding): GroupBindingReport => {
      const namespace: string | undefined = binding.kind === 'RoleBinding' ? binding.metadata?.namespace ?? 'default' : undefined;
      const ref = binding.roleRef ?? {};
      const role = objects.find((o) => o?.kind === ref.kind && o.metadata?.name === ref.name
        && (ref.kind === 'ClusterRole' || (o.metadata?.namespace ?? 'default') === namespace));
      const rules: any[] = Array.isArray(role?.rules) ? role.rules : [];
      return {
        group,
        binding: `${binding.kind} ${namespace !== undefined ? `${namespace}/` : ''}${binding.metadata?.name}`,
        roleRef: `${ref.kind} ${ref.name}`,
        rules: rules.map((r) => {
          const what = [...(r.resources ?? []), ...(r.nonResourceURLs ?? [])].join(', ');
          const names = Array.isArray(r.resourceNames) && r.resourceNames.length > 0 ? ` (names: ${r.resourceNames.join(', ')})` : '';
          return `${(r.verbs ?? []).join(', ')} ${what}${names}`;
        }),
      };
    });
}

/** Builds the report document from inputs, their model and the rule pack's findings. */
export function buildIdentityReport(inputs: CheckInput[], model: CheckModel, findings: CheckFinding[]): IdentityReportDocument {
  const clusters = new Map<string, ClusterBuilder>();
  const add = (id: string, report: ClusterBuilder['report'], clusterModel?: ClusterModel): ClusterBuilder => {
    const builder: ClusterBuilder = {
      report,
      ...(clusterModel ? { model: clusterModel } : {}),
      bindings: [],
      withoutRole: new Set(),
      roles: new Map(),
      accessEntries: [],
      findings: [],
      objects: [],
    };
    clusters.set(id, builder);
    return builder;
  };
  for (const c of model.clusters) {
    const id = `${c.stackName}/${c.logicalId}`;
    add(id, {
      id,
      name: c.key.includes('/') ? c.logicalId : c.key,
      inTemplates: true,
      stackName: c.stackName,
      logicalId: c.logicalId,
      ...(c.authenticationMode !== undefined ? { authenticationMode: c.authenticationMode } : {}),
    }, c);
  }
  /** The id of the cluster a cluster key used in a stack means. */
  const clusterIdFor = (key: string, stackName: string): string => {
    const known = clusterOfKey(model, key, stackName);
    return known ? `${known.stackName}/${known.logicalId}` : `name:${key}`;
  };
  /** The cluster of a cluster key used in a stack; a cluster made elsewhere is added on first use. */
  const clusterFor = (key: string, stackName: string): ClusterBuilder => {
    const id = clusterIdFor(key, stackName);
    return clusters.get(id) ?? add(id, { id, name: key, inTemplates: false });
  };
  /** The cluster an IRSA statement's OIDC provider belongs to. */
  const clusterOfIrsa = (irsa: IrsaStatement): ClusterBuilder => {
    if (irsa.provider?.clusterKey !== undefined) return clusterFor(irsa.provider.clusterKey, irsa.provider.stackName);
    const issuer = issuerOfProviderArn(irsa.providerArn) ?? irsa.provider?.url.replace(/^https:\/\//, '') ?? irsa.providerArn;
    const id = `oidc:${issuer}`;
    return clusters.get(id) ?? add(id, { id, name: `OIDC issuer ${issuer}`, inTemplates: false });
  };
  const addRole = (cluster: ClusterBuilder, role: RoleModel | undefined, arn: string): RoleReport => {
    const report = role ? roleReport(model, role) : externalRoleReport(arn);
    if (!cluster.roles.has(report.id)) cluster.roles.set(report.id, report);
    return report;
  };
  const sameCluster = (a: ClusterBuilder, key: string | undefined, stackName: string): boolean =>
    key !== undefined && clusterIdFor(key, stackName) === a.report.id;

  // Kubernetes objects of each stack go to the stack's cluster, when it has exactly one.
  for (const input of inputs) {
    const inStack = model.clusters.filter((c) => c.stackName === input.stackName);
    if (inStack.length === 1) clusters.get(`${inStack[0].stackName}/${inStack[0].logicalId}`)!.objects.push(...flatten(input.kubernetesManifests ?? []));
  }

  // EKS Pod Identity: one binding per association.
  for (const a of model.associations) {
    const cluster = clusterFor(a.clusterKey, a.stackName);
    const role = model.roleByArn(a.roleArn, a.stackName);
    const roleReportOf = addRole(cluster, role, a.roleArn);
    const target = a.targetRoleArn === undefined ? undefined : addRole(cluster, model.roleByArn(a.targetRoleArn, a.stackName), a.targetRoleArn);
    const verdict = role ? podIdentityVerdict(model, role, a, cluster.model)
      : { admitted: true, scope: TrustScope.UNKNOWN, description: 'role not in the templates: trust unknown' };
    const notes: string[] = [];
    if (verdict.problem) notes.push(`pods get no credentials: ${verdict.problem}`);
    if (target) notes.push(`chains to target role ${target.name} (TargetRoleArn ${a.targetRoleArn}): pods get the target role's credentials`);
    if (a.hasSessionPolicy) notes.push('a session policy further restricts the credentials');
    if (a.addonName) notes.push(`association of EKS add-on ${a.addonName}, which chooses the namespace`);
    cluster.bindings.push({
      namespace: a.namespace ?? '',
      serviceAccount: a.serviceAccount,
      mode: IdentityMode.POD_IDENTITY,
      roleId: roleReportOf.id,
      roleName: roleReportOf.name,
      scope: verdict.scope,
      scopeDescription: verdict.description,
      ...(target ? { targetRoleId: target.id } : {}),
      ...(a.addonName !== undefined ? { addonName: a.addonName } : {}),
      sessionTagsDisabled: a.disableSessionTags,
      sessionPolicy: a.hasSessionPolicy,
      stackName: a.stackName,
      logicalId: a.logicalId,
      notes,
    });
  }

  // IRSA: one binding per subject of each trust statement.
  const serviceAccountsOf = (cluster: ClusterBuilder) => model.serviceAccounts.filter((sa) => sameCluster(cluster, sa.clusterKey, sa.stackName));
  const associationFor = (cluster: ClusterBuilder, namespace: string, name: string) => model.associations.find((a) =>
    sameCluster(cluster, a.clusterKey, a.stackName) && a.serviceAccount === name && (a.namespace === undefined || a.namespace === namespace));
  for (const role of model.roles) {
    for (const irsa of model.irsaStatements(role)) {
      const cluster = clusterOfIrsa(irsa);
      const report = addRole(cluster, role, roleId(role));
      for (const grant of irsaSubjectGrants(irsa.statement)) {
        const notes: string[] = [];
        const accounts = serviceAccountsOf(cluster);
        if (grant.scope === TrustScope.EXACT_SUBJECT) {
          const objects = accounts.filter((sa) => sa.namespace === grant.namespace && sa.name === grant.serviceAccount);
          const annotated = objects.filter((sa) => model.roleByArn(sa.roleArn, sa.stackName) === role);
          const other = objects.find((sa) => sa.roleArn !== undefined && model.roleByArn(sa.roleArn, sa.stackName) !== role);
          // Objects of a stack with several clusters cannot always be told apart (one file per cluster, one list per stack).
          const elsewhere = model.serviceAccounts.find((sa) => sa.namespace === grant.namespace && sa.name === grant.serviceAccount
            && model.roleByArn(sa.roleArn, sa.stackName) === role);
          if (annotated.length > 0) {
            notes.push('ServiceAccount object annotated with this role');
          } else if (objects.length === 0 && elsewhere) {
            notes.push(`ServiceAccount object annotated with this role in the Kubernetes objects of stack ${elsewhere.stackName}`);
          } else if (other) {
            notes.push(`ServiceAccount object is annotated with ${other.roleArn} instead`);
          } else if (objects.length > 0) {
            notes.push('ServiceAccount object has no eks.amazonaws.com/role-arn annotation: pods do not get this role unless they mount a token themselves');
          } else {
            notes.push('no ServiceAccount object in the Kubernetes objects (made elsewhere, e.g. by a Helm chart)');
          }
          const association = associationFor(cluster, grant.namespace, grant.serviceAccount);
          if (association) notes.push(`pod identity association ${association.logicalId} exists for it too: pods get the pod identity credentials`);
        } else if (grant.scope !== TrustScope.NOT_TRUSTED) {
          const matching = accounts.filter((sa) => wildcardMatch(grant.subject === '*' ? '*' : grant.subject, `system:serviceaccount:${sa.namespace}:${sa.name}`));
          const names = [...new Set(matching.map((sa) => `${sa.namespace}/${sa.name}`))];
          notes.push(names.length > 0 ? `matches service accounts in the Kubernetes objects: ${names.join(', ')}` : 'matches no service account in the Kubernetes objects');
        }
        cluster.bindings.push({
          namespace: grant.namespace,
          serviceAccount: grant.serviceAccount,
          mode: IdentityMode.IRSA,
          roleId: report.id,
          roleName: report.name,
          scope: grant.scope,
          scopeDescription: grant.description,
          ...(grant.subject !== '*' ? { subject: grant.subject } : {}),
          audienceRestricted: grant.audienceRestricted,
          sessionTagsDisabled: false,
          sessionPolicy: false,
          stackName: role.stackName,
          logicalId: role.logicalId,
          notes,
        });
      }
    }
  }

  // Service accounts: annotations no trust covers, and service accounts with no role.
  const seen = new Set<string>();
  for (const sa of model.serviceAccounts) {
    if (sa.clusterKey === undefined) continue;
    const cluster = clusterFor(sa.clusterKey, sa.stackName);
    const key = `${cluster.report.id}|${sa.namespace}|${sa.name}|${sa.roleArn ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const association = associationFor(cluster, sa.namespace, sa.name);
    if (sa.roleArn === undefined) {
      if (!association) cluster.withoutRole.add(`${sa.namespace}/${sa.name}`);
      continue;
    }
    const role = model.roleByArn(sa.roleArn, sa.stackName);
    // Covered by a trust of this cluster — or of another one: a stack's Kubernetes objects are
    // attributed to its only cluster, which may not be the cluster (made elsewhere) they are for.
    const covered = role !== undefined && [...clusters.values()].some((c) => c.bindings.some((b) => b.mode === IdentityMode.IRSA
      && b.scope !== TrustScope.NOT_TRUSTED && b.roleId === roleId(role)
      && wildcardMatch(b.subject ?? '*', `system:serviceaccount:${sa.namespace}:${sa.name}`)));
    if (covered) continue;
    const report = addRole(cluster, role, sa.roleArn);
    cluster.bindings.push({
      namespace: sa.namespace,
      serviceAccount: sa.name,
      mode: IdentityMode.IRSA,
      roleId: report.id,
      roleName: report.name,
      scope: role ? TrustScope.NOT_TRUSTED : TrustScope.UNKNOWN,
      scopeDescription: role ? `annotation names role ${roleLabel(role)}, whose trust does not allow system:serviceaccount:${sa.namespace}:${sa.name}`
        : 'annotation names a role outside the templates: trust unknown',
      sessionTagsDisabled: false,
      sessionPolicy: false,
      stackName: sa.stackName,
      ...(sa.logicalId !== undefined ? { logicalId: sa.logicalId } : {}),
      notes: [`from the eks.amazonaws.com/role-arn annotation (${sa.source})`],
    });
  }

  // Access entries.
  for (const e of model.accessEntries) {
    const cluster = clusterFor(e.clusterKey, e.stackName);
    cluster.accessEntries.push({
      principalArn: e.principalArn,
      principalName: principalName(model, e.principalArn, e.stackName),
      type: e.type,
      ...(e.username !== undefined ? { username: e.username } : {}),
      kubernetesGroups: e.groups,
      accessPolicies: e.accessPolicies.map((p) => ({
        policyName: accessPolicyName(p.policyArn),
        policyArn: p.policyArn,
        scope: p.scopeType === AccessScopeType.NAMESPACE ? AccessScopeType.NAMESPACE : AccessScopeType.CLUSTER,
        namespaces: p.namespaces,
      })),
      groupBindings: e.groups.flatMap((g) => groupBindings(cluster.objects, g)),
      stackName: e.stackName,
      logicalId: e.logicalId,
    });
  }

  // Findings: to the cluster of the resource they name, else to the only cluster of their stack.
  const owner = new Map<string, ClusterBuilder>();
  const own = (stackName: string, logicalId: string | undefined, cluster: ClusterBuilder) => {
    const key = `${stackName}/${logicalId}`;
    if (logicalId !== undefined && !owner.has(key)) owner.set(key, cluster);
  };
  for (const cluster of clusters.values()) {
    if (cluster.model) own(cluster.model.stackName, cluster.model.logicalId, cluster);
    for (const b of cluster.bindings) own(b.stackName, b.logicalId, cluster);
    for (const r of cluster.roles.values()) if (r.stackName !== undefined) own(r.stackName, r.logicalId, cluster);
    for (const e of cluster.accessEntries) own(e.stackName, e.logicalId, cluster);
  }
  for (const r of [...model.addons, ...model.nodegroups]) own(r.stackName, r.logicalId, clusterFor(r.clusterKey, r.stackName));
  for (const p of model.providers) if (p.clusterKey !== undefined) own(p.stackName, p.logicalId, clusterFor(p.clusterKey, p.stackName));
  const otherFindings: CheckFinding[] = [];
  for (const f of findings) {
    let cluster = f.logicalId !== undefined ? owner.get(`${f.stackName}/${f.logicalId}`) : undefined;
    if (!cluster) {
      const inStack = [...clusters.values()].filter((c) => c.model?.stackName === f.stackName);
      if (inStack.length === 1) cluster = inStack[0];
    }
    if (cluster) cluster.findings.push(f);
    else otherFindings.push(f);
  }

  return {
    stackNames: inputs.map((i) => i.stackName),
    clusters: [...clusters.values()].map((c): ClusterReport => ({
      ...c.report,
      serviceAccounts: c.bindings,
      serviceAccountsWithoutRole: [...c.withoutRole],
      roles: [...c.roles.values()],
      accessEntries: c.accessEntries,
      findings: c.findings,
    })),
    otherFindings,
  };
}
