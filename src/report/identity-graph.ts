import { groupBindings, KubernetesObjectIndex } from './group-bindings';
import { accessPolicyName, externalRoleReport, principalName, roleId, roleReport } from './permissions';
import {
  AccessEntryReport, ClusterReport, CreatorAdmin, IdentityReportDocument, RoleReport, ServiceAccountBinding,
} from './report-types';
import { podIdentityVerdict } from './trust-analysis';
import { CheckFinding, CheckInput } from '../checks/check-types';
import {
  AssociationModel, CheckModel, ClusterModel, IrsaStatement, RoleModel, roleLabel, ServiceAccountModel,
} from '../checks/template-model';
import { AccessScopeType } from '../core/access-policy';
import { isKnown } from '../core/deploy-time';
import { IdentityMode } from '../core/identity-mode';
import { serviceAccountSubject } from '../core/irsa';
import { parseTemplateReference } from '../core/template/deploy-time-words';
import { wildcardMatcher } from '../core/template/policy-document';
import { IrsaSubjectGrant, irsaSubjectGrants } from '../core/trust/irsa-scope';
import { issuerOfUrlText, issuersOfProviderArn } from '../core/trust/issuer-keys';
import { TrustScope } from '../core/trust/trust-scope';
import { keyAllows } from '../core/trust/trust-semantics';

/*
 * The identity graph of a set of templates: per cluster, which service account can assume which
 * role by which mode and how tightly, what the roles may do, and who may use the Kubernetes API.
 * Built on the checks' template model and the core's trust semantics, in phases; nothing here
 * parses a template again, and every lookup is indexed.
 */

interface ClusterBuilder {
  readonly report: Omit<ClusterReport, 'serviceAccounts' | 'serviceAccountsWithoutRole' | 'roles' | 'accessEntries' | 'findings'>;
  readonly model?: ClusterModel;
  readonly bindings: ServiceAccountBinding[];
  readonly withoutRole: Set<string>;
  readonly roles: Map<string, RoleReport>;
  readonly accessEntries: AccessEntryReport[];
  readonly findings: CheckFinding[];
  readonly objects: KubernetesObjectIndex;
  /** Service account objects of the cluster by `<namespace>/<name>`. */
  readonly serviceAccounts: Map<string, ServiceAccountModel[]>;
  /** The `<namespace>/<name>` keys of `serviceAccounts` by namespace, in the same order. */
  readonly serviceAccountKeysByNamespace: Map<string, string[]>;
  /** Pod identity associations of the cluster by service account name. */
  readonly associations: Map<string, AssociationModel[]>;
}

/** Kubernetes objects with `List`s expanded. */
function flatten(objects: any[]): any[] {
  return objects.flatMap((o) => o?.kind === 'List' && Array.isArray(o.items) ? flatten(o.items) : [o]);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class IdentityGraphBuilder {
  private readonly clusters = new Map<string, ClusterBuilder>();

  constructor(private readonly inputs: CheckInput[], private readonly model: CheckModel, private readonly findings: CheckFinding[]) {}

  public build(): IdentityReportDocument {
    this.addClustersOfTemplates();
    this.attachKubernetesObjects();
    this.indexServiceAccountsAndAssociations();
    this.addPodIdentityBindings();
    this.addIrsaBindings();
    this.addAnnotationBindings();
    this.addAccessEntries();
    return {
      stackNames: this.inputs.map((i) => i.stackName),
      clusters: [...this.clusters.values()].map((c): ClusterReport => ({
        ...c.report,
        serviceAccounts: c.bindings,
        serviceAccountsWithoutRole: [...c.withoutRole],
        roles: [...c.roles.values()],
        accessEntries: c.accessEntries,
        findings: c.findings,
      })),
      otherFindings: this.assignFindings(),
    };
  }

  // -- clusters -------------------------------------------------------------------------------

  private add(id: string, report: ClusterBuilder['report'], clusterModel?: ClusterModel): ClusterBuilder {
    const builder: ClusterBuilder = {
      report,
      ...(clusterModel ? { model: clusterModel } : {}),
      bindings: [],
      withoutRole: new Set(),
      roles: new Map(),
      accessEntries: [],
      findings: [],
      objects: new KubernetesObjectIndex([]),
      serviceAccounts: new Map(),
      serviceAccountKeysByNamespace: new Map(),
      associations: new Map(),
    };
    this.clusters.set(id, builder);
    return builder;
  }

  private addClustersOfTemplates(): void {
    for (const c of this.model.clusters) {
      const id = `${c.stackName}/${c.logicalId}`;
      this.add(id, {
        id,
        name: c.key.includes('/') ? c.logicalId : c.key,
        inTemplates: true,
        stackName: c.stackName,
        logicalId: c.logicalId,
        ...(c.authenticationMode !== undefined ? { authenticationMode: c.authenticationMode } : {}),
        creatorAdmin: c.bootstrapCreatorAdmin === undefined ? CreatorAdmin.GRANTED_BY_DEFAULT
          : c.bootstrapCreatorAdmin ? CreatorAdmin.GRANTED : CreatorAdmin.NOT_GRANTED,
      }, c);
    }
  }

  /** The id of the cluster a cluster key used in a stack means. */
  private clusterIdFor(key: string, stackName: string): string {
    const known = this.model.clusterOfKey(key, stackName);
    return known ? `${known.stackName}/${known.logicalId}` : `name:${this.model.describe(key, stackName)}`;
  }

  /** The cluster of a cluster key used in a stack; a cluster made elsewhere is added on first use. */
  private clusterFor(key: string, stackName: string): ClusterBuilder {
    const id = this.clusterIdFor(key, stackName);
    return this.clusters.get(id) ?? this.add(id, { id, name: this.model.describe(key, stackName), inTemplates: false });
  }

  /** The cluster an IRSA grant's OIDC provider belongs to. */
  private clusterOfIrsa(irsa: IrsaStatement, role: RoleModel): ClusterBuilder {
    if (irsa.provider?.clusterKey !== undefined) return this.clusterFor(irsa.provider.clusterKey, irsa.provider.stackName);
    const imported = this.model.importedClusterOfProvider(irsa.providerArn, role.stackName);
    if (imported) return this.clusterFor(imported.key, imported.stackName);
    // A cluster made elsewhere, known by the issuer its provider ARN (or the provider's URL) names, else by the provider.
    const url = irsa.provider?.url;
    const issuer = isKnown(irsa.providerArn) ? issuersOfProviderArn(irsa.providerArn)[0]
      : url !== undefined && isKnown(url) ? issuerOfUrlText(url) : undefined;
    const id = issuer !== undefined ? `oidc:${issuer}` : `oidc:${role.stackName}/${irsa.providerLabel}`;
    const name = issuer !== undefined ? `OIDC issuer ${issuer}` : `the issuer of OIDC provider ${irsa.providerLabel}`;
    return this.clusters.get(id) ?? this.add(id, { id, name, inTemplates: false });
  }

  private addRole(cluster: ClusterBuilder, role: RoleModel | undefined, arn: string, stackName: string): RoleReport {
    const report = role ? roleReport(this.model, role) : externalRoleReport(this.model, arn, stackName);
    if (!cluster.roles.has(report.id)) cluster.roles.set(report.id, report);
    return report;
  }

  // -- Kubernetes objects ---------------------------------------------------------------------

  /** Kubernetes objects go to the cluster their file names, else to the stack's cluster when it has exactly one. */
  private attachKubernetesObjects(): void {
    const byStack = new Map<string, ClusterModel[]>();
    for (const c of this.model.clusters) push(byStack, c.stackName, c);
    for (const input of this.inputs) {
      for (const named of input.clusterKubernetesManifests ?? []) {
        this.clusterFor(named.cluster, input.stackName).objects.add(flatten(named.manifests));
      }
      const inStack = byStack.get(input.stackName) ?? [];
      if (inStack.length !== 1) continue;
      const cluster = this.clusters.get(`${inStack[0].stackName}/${inStack[0].logicalId}`)!;
      cluster.objects.add(flatten(input.kubernetesManifests ?? []));
    }
  }

  private indexServiceAccountsAndAssociations(): void {
    for (const sa of this.model.serviceAccounts) {
      if (sa.clusterKey === undefined) continue;
      const cluster = this.clusterFor(sa.clusterKey, sa.stackName);
      const key = `${sa.namespace}/${sa.name}`;
      if (!cluster.serviceAccounts.has(key)) push(cluster.serviceAccountKeysByNamespace, sa.namespace, key);
      push(cluster.serviceAccounts, key, sa);
    }
    for (const a of this.model.associations) push(this.clusterFor(a.clusterKey, a.stackName).associations, a.serviceAccount, a);
  }

  private associationFor(cluster: ClusterBuilder, namespace: string, name: string): AssociationModel | undefined {
    return cluster.associations.get(name)?.find((a) => a.namespace === undefined || a.namespace === namespace);
  }

  // -- EKS Pod Identity: one binding per association -------------------------------------------

  private addPodIdentityBindings(): void {
    for (const a of this.model.associations) {
      const cluster = this.clusterFor(a.clusterKey, a.stackName);
      const role = this.model.roleByArn(a.roleArn, a.stackName);
      const roleReportOf = this.addRole(cluster, role, a.roleArn, a.stackName);
      const target = a.targetRoleArn === undefined ? undefined
        : this.addRole(cluster, this.model.roleByArn(a.targetRoleArn, a.stackName), a.targetRoleArn, a.stackName);
      const verdict = role ? podIdentityVerdict(this.model, role, a)
        : { admitted: true, scope: TrustScope.UNKNOWN, description: 'role not in the templates: trust unknown' };
      const notes: string[] = [];
      if ('problem' in verdict && verdict.problem) notes.push(`pods get no credentials: ${verdict.problem}`);
      if (target) notes.push(`chains to target role ${target.name} (TargetRoleArn ${this.model.describe(a.targetRoleArn!, a.stackName)}): pods get the target role's credentials`);
      if (a.hasSessionPolicy) notes.push('a session policy further restricts the credentials');
      if (a.addonName) notes.push(`association of EKS add-on ${a.addonName}, which chooses the namespace`);
      cluster.bindings.push({
        namespace: a.namespace === undefined ? '' : this.model.describe(a.namespace, a.stackName),
        serviceAccount: this.model.describe(a.serviceAccount, a.stackName),
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
  }

  // -- IRSA: one binding per subject of each trust grant ---------------------------------------

  private addIrsaBindings(): void {
    for (const role of this.model.roles) {
      for (const irsa of this.model.irsaStatements(role)) {
        const cluster = this.clusterOfIrsa(irsa, role);
        const report = this.addRole(cluster, role, roleId(role), role.stackName);
        for (const grant of irsaSubjectGrants(irsa.grant)) {
          cluster.bindings.push({
            namespace: this.model.describe(grant.namespace, role.stackName),
            serviceAccount: this.model.describe(grant.serviceAccount, role.stackName),
            mode: IdentityMode.IRSA,
            roleId: report.id,
            roleName: report.name,
            scope: grant.scope,
            scopeDescription: grant.scopeDescription,
            ...(grant.subject !== '*' ? { subject: this.model.describe(grant.subject, role.stackName) } : {}),
            audienceRestricted: grant.audience.pinned,
            sessionTagsDisabled: false,
            sessionPolicy: false,
            stackName: role.stackName,
            logicalId: role.logicalId,
            notes: this.irsaNotes(cluster, role, grant),
          });
        }
      }
    }
  }

  private irsaNotes(cluster: ClusterBuilder, role: RoleModel, grant: IrsaSubjectGrant): string[] {
    const { namespace, serviceAccount: name, subject, scope } = grant;
    const notes: string[] = [];
    if (scope === TrustScope.EXACT_SUBJECT) {
      const objects = cluster.serviceAccounts.get(`${namespace}/${name}`) ?? [];
      const annotated = objects.filter((sa) => this.model.roleByArn(sa.roleArn, sa.stackName) === role);
      const other = objects.find((sa) => sa.roleArn !== undefined && this.model.roleByArn(sa.roleArn, sa.stackName) !== role);
      if (annotated.length > 0) {
        notes.push('ServiceAccount object annotated with this role');
      } else if (objects.length === 0 && this.annotatedElsewhere(role, namespace, name)) {
        notes.push(`ServiceAccount object annotated with this role in the Kubernetes objects of stack ${this.annotatedElsewhere(role, namespace, name)!.stackName}`);
      } else if (other) {
        notes.push(`ServiceAccount object is annotated with ${this.model.describe(other.roleArn!, other.stackName)} instead`);
      } else if (objects.length > 0) {
        notes.push('ServiceAccount object has no eks.amazonaws.com/role-arn annotation: pods do not get this role unless they mount a token themselves');
      } else {
        notes.push('no ServiceAccount object in the Kubernetes objects (made elsewhere, e.g. by a Helm chart)');
      }
      const association = this.associationFor(cluster, namespace, name);
      if (association) notes.push(`pod identity association ${association.logicalId} exists for it too: pods get the pod identity credentials`);
    } else if (scope !== TrustScope.NOT_TRUSTED && scope !== TrustScope.UNKNOWN) {
      // A pattern within one namespace can only match that namespace's service accounts (Kubernetes
      // rejects a `:` in a namespace name, so `*` in the name part cannot reach another namespace).
      const candidates = scope === TrustScope.NAMESPACE_WILDCARD || scope === TrustScope.NAME_PATTERN
        ? cluster.serviceAccountKeysByNamespace.get(namespace) ?? []
        : [...cluster.serviceAccounts.keys()];
      const matches = wildcardMatcher(subject);
      const names = candidates.filter((key) => { const [ns, sa] = key.split('/'); return matches(serviceAccountSubject(ns, sa)); });
      notes.push(names.length > 0 ? `matches service accounts in the Kubernetes objects: ${names.join(', ')}` : 'matches no service account in the Kubernetes objects');
    }
    return notes;
  }

  /** A ServiceAccount annotated with the role in any stack's objects (a stack's objects may be for a cluster made elsewhere). */
  private annotatedElsewhere(role: RoleModel, namespace: string, name: string): ServiceAccountModel | undefined {
    return this.model.serviceAccountsNamed(namespace, name).find((sa) => this.model.roleByArn(sa.roleArn, sa.stackName) === role);
  }

  // -- service accounts: annotations no trust covers, and service accounts with no role --------

  private addAnnotationBindings(): void {
    const seen = new Set<string>();
    for (const sa of this.model.serviceAccounts) {
      if (sa.clusterKey === undefined) continue;
      const cluster = this.clusterFor(sa.clusterKey, sa.stackName);
      const key = `${cluster.report.id}|${sa.namespace}|${sa.name}|${sa.roleArn ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const association = this.associationFor(cluster, sa.namespace, sa.name);
      if (sa.roleArn === undefined) {
        if (!association) cluster.withoutRole.add(`${sa.namespace}/${sa.name}`);
        continue;
      }
      const role = this.model.roleByArn(sa.roleArn, sa.stackName);
      // Covered by a trust of this cluster — or of another one: a stack's Kubernetes objects are
      // attributed to its only cluster, which may not be the cluster (made elsewhere) they are for.
      const subject = serviceAccountSubject(sa.namespace, sa.name);
      const covered = role !== undefined && this.model.irsaStatements(role).some((s) => keyAllows(s.grant.subject, subject) !== false);
      if (covered) continue;
      const report = this.addRole(cluster, role, sa.roleArn, sa.stackName);
      cluster.bindings.push({
        namespace: sa.namespace,
        serviceAccount: sa.name,
        mode: IdentityMode.IRSA,
        roleId: report.id,
        roleName: report.name,
        scope: role ? TrustScope.NOT_TRUSTED : TrustScope.UNKNOWN,
        scopeDescription: role ? `annotation names role ${roleLabel(role)}, whose trust does not allow ${subject}`
          : 'annotation names a role outside the templates: trust unknown',
        sessionTagsDisabled: false,
        sessionPolicy: false,
        stackName: sa.stackName,
        ...(sa.logicalId !== undefined ? { logicalId: sa.logicalId } : {}),
        notes: [`from the eks.amazonaws.com/role-arn annotation (${sa.source})`],
      });
    }
  }

  // -- access entries ---------------------------------------------------------------------------

  private addAccessEntries(): void {
    for (const e of this.model.accessEntries) {
      const cluster = this.clusterFor(e.clusterKey, e.stackName);
      const reference = parseTemplateReference(e.principalArn);
      cluster.accessEntries.push({
        ...(isKnown(e.principalArn) ? { principalArn: e.principalArn } : {}),
        principal: this.model.describe(e.principalArn, e.stackName),
        ...(reference ? { principalReference: { stackName: e.stackName, ...reference } } : {}),
        principalName: principalName(this.model, e.principalArn, e.stackName),
        type: e.type,
        ...(e.username !== undefined ? { username: e.username } : {}),
        kubernetesGroups: e.groups,
        accessPolicies: e.accessPolicies.map((p) => ({
          policyName: accessPolicyName(this.model, p.policyArn, e.stackName),
          policyArn: this.model.describe(p.policyArn, e.stackName),
          scope: p.scopeType === AccessScopeType.NAMESPACE ? AccessScopeType.NAMESPACE : AccessScopeType.CLUSTER,
          namespaces: p.namespaces,
        })),
        groupBindings: e.groups.flatMap((g) => groupBindings(cluster.objects, g)),
        stackName: e.stackName,
        logicalId: e.logicalId,
      });
    }
  }

  // -- findings: to the cluster of the resource they name, else to the only cluster of their stack

  private assignFindings(): CheckFinding[] {
    const owner = new Map<string, ClusterBuilder>();
    const own = (stackName: string, logicalId: string | undefined, cluster: ClusterBuilder) => {
      const key = `${stackName}/${logicalId}`;
      if (logicalId !== undefined && !owner.has(key)) owner.set(key, cluster);
    };
    const byStack = new Map<string, ClusterBuilder[]>();
    for (const cluster of this.clusters.values()) {
      if (cluster.model) {
        own(cluster.model.stackName, cluster.model.logicalId, cluster);
        push(byStack, cluster.model.stackName, cluster);
      }
      for (const b of cluster.bindings) own(b.stackName, b.logicalId, cluster);
      for (const r of cluster.roles.values()) if (r.stackName !== undefined) own(r.stackName, r.logicalId, cluster);
      for (const e of cluster.accessEntries) own(e.stackName, e.logicalId, cluster);
    }
    for (const r of [...this.model.addons, ...this.model.nodegroups, ...this.model.fargateProfiles]) {
      own(r.stackName, r.logicalId, this.clusterFor(r.clusterKey, r.stackName));
    }
    for (const p of this.model.providers) if (p.clusterKey !== undefined) own(p.stackName, p.logicalId, this.clusterFor(p.clusterKey, p.stackName));
    const otherFindings: CheckFinding[] = [];
    for (const f of this.findings) {
      let cluster = f.logicalId !== undefined ? owner.get(`${f.stackName}/${f.logicalId}`) : undefined;
      if (!cluster) {
        const inStack = byStack.get(f.stackName) ?? [];
        if (inStack.length === 1) cluster = inStack[0];
      }
      if (cluster) cluster.findings.push(f);
      else otherFindings.push(f);
    }
    return otherFindings;
  }
}

/** Builds the report document from inputs, their model and the rule pack's findings. */
export function buildIdentityReport(inputs: CheckInput[], model: CheckModel, findings: CheckFinding[]): IdentityReportDocument {
  return new IdentityGraphBuilder(inputs, model, findings).build();
}
