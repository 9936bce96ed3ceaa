import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { readTemplateFile } from '../checks/assembly';
import { CheckInput } from '../checks/check-types';
import { targetRoleProblem } from '../checks/rules/pod-identity-target-role';
import {
  AccessEntryModel, AccessPolicyModel, AssociationModel, CheckModel, ClusterModel, RoleModel, roleLabel, ServiceAccountModel, StackModel,
} from '../checks/template-model';
import { accessPolicyNameOfArn } from '../core/access-entry-rules';
import { AccessPolicy, AccessScopeType } from '../core/access-policy';
import { IIdentityClusterRef } from '../core/identity-cluster-ref';
import { serviceAccountSubject } from '../core/irsa';
import { irsaAudienceScope, irsaSubjectGrants } from '../core/trust/irsa-scope';
import { irsaAllowed, keyAllows } from '../core/trust/trust-semantics';
import { IdentityReport } from '../report/identity-report';
import { principalName } from '../report/permissions';
import { irsaStatementIsFor, podIdentityVerdict } from '../report/trust-analysis';

/** A cluster as the templates know it. */
interface ClusterRef {
  readonly label: string;
  readonly stackName: string;
  readonly key: string;
  readonly model?: ClusterModel;
  readonly providerArn: string;
  readonly clusterArn: string;
  readonly cluster: IIdentityClusterRef;
}

/** A role of the templates, with the name used in messages. */
interface RoleRef {
  readonly label: string;
  readonly model: RoleModel;
}

/**
 * Assertions about who can assume what and who may use a cluster, for your own jest tests:
 *
 * ```ts
 * const assertions = IdentityAssertions.fromStack(stack);
 * assertions.serviceAccountCanAssume(cluster, 'default', 'my-sa', identity.role);
 * assertions.serviceAccountCannotAssume(cluster, 'default', 'other', identity.role);
 * assertions.principalHasAccess(cluster, viewer.roleArn, AccessPolicy.view());
 * ```
 *
 * Each assertion throws an `Error` that explains the mismatch (e.g. `role myeks-irsa-my-sa trusts
 * system:serviceaccount:default:other, not default/my-sa`).
 *
 * How it decides: it synthesizes the stacks and reads their templates and the Kubernetes YAML
 * written next to them with the template model of the `EksIdentityChecks` rule pack, and asks
 * the same trust semantics the rule pack and the report use: IRSA (a `Federated` OIDC provider of
 * the cluster allowed `sts:AssumeRoleWithWebIdentity`, conditions on `<issuer>:sub` and
 * `<issuer>:aud` that hold for the service account and `sts.amazonaws.com`) and EKS Pod Identity
 * (a pod identity association, `pods.eks.amazonaws.com` allowed `sts:AssumeRole` and
 * `sts:TagSession` under `aws:RequestTag/...` conditions that hold for the association), Allow
 * and Deny statements alike. No IAM policy simulator is bundled or called: permission
 * boundaries, SCPs and conditions on keys a request does not carry at synth are not considered,
 * and values only known at deploy time are compared as they are written (a comparison that
 * cannot be decided at synth is accepted).
 */
export class IdentityAssertions {
  /**
   * Assertions over one stack (synthesized with its app).
   *
   * @param stack the stack with the cluster, roles, associations and access entries
   */
  public static fromStack(stack: Stack): IdentityAssertions {
    return new IdentityAssertions([stack]);
  }

  /**
   * Assertions over several stacks, e.g. when roles or cross-account target roles live in
   * another stack than the cluster.
   *
   * @param stacks the stacks (each is synthesized with its app)
   */
  public static fromStacks(stacks: Stack[]): IdentityAssertions {
    if (stacks.length === 0) throw new Error('IdentityAssertions.fromStacks needs at least one stack');
    return new IdentityAssertions(stacks);
  }

  private readonly inputs: CheckInput[];
  private readonly model: CheckModel;

  private constructor(stacks: Stack[]) {
    this.inputs = stacks.map((stack) => {
      const stage = Stage.of(stack);
      if (!stage) throw new Error(`stack ${stack.node.path} is not in an App or Stage, so it cannot be synthesized`);
      return readTemplateFile(path.join(stage.synth().directory, stack.templateFile));
    });
    this.model = CheckModel.build(this.inputs);
  }

  /**
   * The identity report of the same templates, e.g. to snapshot `toMarkdown()`.
   */
  public toReport(): IdentityReport {
    return IdentityReport.fromTemplates(this.inputs);
  }

  /**
   * Asserts that pods running as a service account get the role's credentials: through a pod
   * identity association for the service account whose role (or cross-account target role) it
   * is and whose trust lets the association in, or — when the service account has no association
   * — through an IRSA trust statement for the cluster's OIDC provider that allows the subject and
   * the `sts.amazonaws.com` audience. When the cluster's chart holds the ServiceAccount object, its
   * `eks.amazonaws.com/role-arn` annotation must name the role.
   *
   * @param cluster the cluster of the service account
   * @param namespace the namespace of the service account
   * @param serviceAccountName the name of the service account
   * @param role the role (it must be defined in the stacks given)
   */
  public serviceAccountCanAssume(cluster: IIdentityClusterRef, namespace: string, serviceAccountName: string, role: iam.IRole): void {
    const c = this.clusterRef(cluster);
    const r = this.roleRef(role);
    const who = `${namespace}/${serviceAccountName} on ${c.label}`;
    const association = this.associationsFor(c, namespace, serviceAccountName)[0];
    if (association) {
      const problem = this.podIdentityProblem(association, r);
      if (problem) throw new Error(`${who} cannot assume ${r.label}: ${problem}`);
      return;
    }

    const statements = this.model.irsaStatements(r.model);
    const forCluster = statements.filter((s) => irsaStatementIsFor(this.model, s, r.model.stackName, c.model, c.providerArn, c.stackName));
    if (forCluster.length === 0) {
      if (this.model.podIdentityStatements(r.model).length > 0) {
        throw new Error(`${r.label} has no pod identity association for ${namespace}/${serviceAccountName} on ${c.label}; associations found: ${this.associationList(c)}`);
      }
      if (statements.length > 0) {
        throw new Error(`${r.label} trusts only the OIDC provider(s) ${unique(statements.map((s) => s.providerLabel)).join(', ')}, not the one of ${c.label} (${c.providerArn})`);
      }
      throw new Error(`${r.label} trusts neither the OIDC provider of ${c.label} (IRSA) nor pods.eks.amazonaws.com (EKS Pod Identity)`);
    }
    const subject = serviceAccountSubject(namespace, serviceAccountName);
    const allowing = forCluster.filter((s) => keyAllows(s.grant.subject, subject) !== false);
    if (allowing.length === 0) {
      const subjects = unique(forCluster.flatMap((s) => irsaSubjectGrants(s.grant).map((g) => g.subject)));
      throw new Error(`${r.label} trusts ${subjects.join(', ')}, not ${namespace}/${serviceAccountName}`);
    }
    const trust = this.model.trustOf(r.model);
    const options = this.model.trustOptions(r.model.stackName);
    const admitted = allowing.filter((s) =>
      irsaAllowed(trust, { providerArn: s.providerArn, namespace, serviceAccount: serviceAccountName }, options) !== false);
    if (admitted.length === 0) {
      const audience = irsaAudienceScope(allowing[0].grant.audience);
      throw new Error(audience.allowsStsAudience
        ? `${r.label} trusts ${subject}, but another condition or a Deny statement of its trust refuses it`
        : `${r.label} trusts ${subject} only with an :aud condition that does not allow sts.amazonaws.com (${audience.description})`);
    }
    const objects = this.serviceAccountObjects(c, namespace, serviceAccountName);
    if (objects.length > 0 && !objects.some((sa) => this.model.roleByArn(sa.roleArn, c.stackName) === r.model)) {
      const annotated = objects.find((sa) => sa.roleArn !== undefined);
      throw new Error(annotated
        ? `ServiceAccount ${namespace}/${serviceAccountName} of ${c.label} is annotated with ${annotated.roleArn}, not ${r.label}`
        : `ServiceAccount ${namespace}/${serviceAccountName} of ${c.label} has no eks.amazonaws.com/role-arn annotation, so its pods do not get ${r.label}`);
    }
  }

  /**
   * Asserts that a service account has no way to the role's credentials: no pod identity
   * association for it gets the role (directly or as target role), and no IRSA trust statement for
   * the cluster's OIDC provider allows its subject — whatever its annotation says, since a pod can
   * mount a token for its service account itself.
   *
   * @param cluster the cluster of the service account
   * @param namespace the namespace of the service account
   * @param serviceAccountName the name of the service account
   * @param role the role (it must be defined in the stacks given)
   */
  public serviceAccountCannotAssume(cluster: IIdentityClusterRef, namespace: string, serviceAccountName: string, role: iam.IRole): void {
    const c = this.clusterRef(cluster);
    const r = this.roleRef(role);
    const ways: string[] = [];
    for (const a of this.associationsFor(c, namespace, serviceAccountName)) {
      if (this.model.roleByArn(a.roleArn, a.stackName) !== r.model && this.model.roleByArn(a.targetRoleArn, a.stackName) !== r.model) continue;
      if (this.podIdentityProblem(a, r) === undefined) ways.push(`pod identity association ${a.logicalId}`);
    }
    const subject = serviceAccountSubject(namespace, serviceAccountName);
    const trust = this.model.trustOf(r.model);
    const options = this.model.trustOptions(r.model.stackName);
    for (const s of this.model.irsaStatements(r.model)) {
      if (!irsaStatementIsFor(this.model, s, r.model.stackName, c.model, c.providerArn, c.stackName)) continue;
      if (irsaAllowed(trust, { providerArn: s.providerArn, namespace, serviceAccount: serviceAccountName }, options) === false) continue;
      if (keyAllows(s.grant.subject, subject) === false) continue;
      const grants = irsaSubjectGrants(s.grant);
      const grant = grants.find((g) => g.subject === subject) ?? grants.find((g) => g.subject !== '*') ?? grants[0];
      ways.push(`its IRSA trust for OIDC provider ${s.providerLabel} allows ${grant.subject === '*' ? 'any subject' : grant.subject} (${grant.scopeDescription})`);
    }
    if (ways.length > 0) throw new Error(`${namespace}/${serviceAccountName} on ${c.label} can assume ${r.label}: ${ways.join('; ')}`);
  }

  /**
   * Asserts that an IAM principal's access entry on the cluster has an access policy in a scope:
   * at cluster scope for a cluster-scoped `policy`, or in every namespace of a namespace-scoped
   * one (a cluster-scoped association of the same policy covers every namespace).
   *
   * @param cluster the cluster
   * @param principalArn the IAM role or user ARN (e.g. `role.roleArn`)
   * @param policy the access policy and scope, e.g. `AccessPolicy.edit({ type: AccessScopeType.NAMESPACE, namespaces: ['app'] })`
   */
  public principalHasAccess(cluster: IIdentityClusterRef, principalArn: string, policy: AccessPolicy): void {
    const problem = this.accessProblem(cluster, principalArn, policy);
    if (problem) throw new Error(problem);
  }

  /**
   * Asserts that an IAM principal does not have an access policy in a scope on the cluster (the
   * opposite of `principalHasAccess`): no access entry, or no association of that policy covering
   * the scope.
   *
   * @param cluster the cluster
   * @param principalArn the IAM role or user ARN
   * @param policy the access policy and scope
   */
  public principalLacksAccess(cluster: IIdentityClusterRef, principalArn: string, policy: AccessPolicy): void {
    if (this.accessProblem(cluster, principalArn, policy) !== undefined) return;
    const c = this.clusterRef(cluster);
    const { entry, label } = this.accessEntryOf(c, principalArn);
    const granted = entry!.accessPolicies.filter((p) => accessPolicyNameOfArn(p.policyArn) === policy.policyName).map(scopeText).join(', ');
    throw new Error(`${label} has ${policy.policyName} on ${c.label} (${granted}) through access entry ${entry!.logicalId}`);
  }

  /**
   * Asserts that an IAM principal's access entry on the cluster puts it in Kubernetes groups.
   *
   * @param cluster the cluster
   * @param principalArn the IAM role or user ARN
   * @param groups the groups it must be in (it may be in more)
   */
  public principalHasKubernetesGroups(cluster: IIdentityClusterRef, principalArn: string, groups: string[]): void {
    const c = this.clusterRef(cluster);
    const entry = this.requireAccessEntry(c, principalArn);
    const missing = groups.filter((g) => !entry.entry.groups.includes(g));
    if (missing.length > 0) {
      throw new Error(`${entry.label}'s access entry on ${c.label} has Kubernetes groups ${entry.entry.groups.join(', ') || 'none'}; missing: ${missing.join(', ')}`);
    }
  }

  /**
   * Asserts the Kubernetes username of an IAM principal's access entry on the cluster.
   *
   * @param cluster the cluster
   * @param principalArn the IAM role or user ARN
   * @param username the expected username, e.g. `testuser:{{SessionName}}`
   */
  public principalHasUsername(cluster: IIdentityClusterRef, principalArn: string, username: string): void {
    const c = this.clusterRef(cluster);
    const entry = this.requireAccessEntry(c, principalArn);
    if (entry.entry.username !== username) {
      throw new Error(`${entry.label}'s access entry on ${c.label} has username ${entry.entry.username ?? '(none: EKS derives it from the principal ARN)'}, not ${username}`);
    }
  }

  private clusterRef(cluster: IIdentityClusterRef): ClusterRef {
    const stack = Stack.of(cluster);
    const stackModel = this.stackModel(stack, `cluster ${cluster.node.path}`);
    const text = (value: string): string => stackModel.text.text(stack.resolve(value));
    const key = this.model.clusterKeyOf(stack.resolve(cluster.clusterName), stackModel);
    const model = this.model.clusterOfKey(key, stack.stackName);
    return {
      label: key.includes('/') || key.includes('${') ? `cluster ${cluster.node.path}` : `cluster ${key}`,
      stackName: stack.stackName,
      key,
      ...(model ? { model } : {}),
      providerArn: text(cluster.openIdConnectProviderArn),
      clusterArn: text(cluster.clusterArn),
      cluster,
    };
  }

  private roleRef(role: iam.IRole): RoleRef {
    const stack = Stack.of(role);
    const stackModel = this.model.findStack(stack.stackName);
    const resolved = stack.resolve(role.roleArn);
    const arn = stackModel ? stackModel.text.text(resolved) : typeof resolved === 'string' ? resolved : undefined;
    const model = arn === undefined ? undefined : this.model.roleByArn(arn, stack.stackName);
    if (!model && arn === undefined) {
      throw new Error(`role ${role.node.path} is in stack ${stack.stackName}, which is not among the stacks given (${this.stackNames()}), `
        + 'so its trust policy cannot be checked; pass it with IdentityAssertions.fromStacks([...])');
    }
    if (!model) {
      throw new Error(`role ${role.node.path}${arn !== undefined ? ` (${arn})` : ''} is not defined in the templates of stack(s) ${this.stackNames()}, `
        + 'so its trust policy cannot be checked; pass the stack that defines it with IdentityAssertions.fromStacks([...])');
    }
    return { label: `role ${roleLabel(model)}`, model };
  }

  private stackModel(stack: Stack, what: string): StackModel {
    const found = this.model.findStack(stack.stackName);
    if (!found) {
      throw new Error(`${what} is in stack ${stack.stackName}, which is not among the stacks given (${this.stackNames()}); `
        + 'pass it with IdentityAssertions.fromStacks([...])');
    }
    return found;
  }

  private stackNames(): string {
    return this.inputs.map((i) => i.stackName).join(', ');
  }

  private sameCluster(c: ClusterRef, key: string | undefined, stackName: string): boolean {
    if (key === undefined) return false;
    return c.model ? this.model.clusterOfKey(key, stackName) === c.model : key === c.key;
  }

  private associationsOf(c: ClusterRef): AssociationModel[] {
    return this.model.associationsOfCluster(c.key).filter((a) => this.sameCluster(c, a.clusterKey, a.stackName));
  }

  /** The associations of the cluster for a service account (add-on associations, which have no namespace, included). */
  private associationsFor(c: ClusterRef, namespace: string, serviceAccountName: string): AssociationModel[] {
    return this.model.associationsForServiceAccount(c.key, serviceAccountName)
      .filter((a) => (a.namespace === undefined || a.namespace === namespace) && this.sameCluster(c, a.clusterKey, a.stackName));
  }

  private associationList(c: ClusterRef): string {
    const list = this.associationsOf(c).map((a) => {
      const role = this.model.roleByArn(a.roleArn, a.stackName);
      return `${a.namespace ?? `(add-on ${a.addonName})`}/${a.serviceAccount} → ${role ? `role ${roleLabel(role)}` : a.roleArn}`;
    });
    return list.length > 0 ? list.join(', ') : 'none';
  }

  /** Why the association does not give the role (directly or as target role), or undefined when it does. */
  private podIdentityProblem(a: AssociationModel, r: RoleRef): string | undefined {
    const associationRole = this.model.roleByArn(a.roleArn, a.stackName);
    const target = this.model.roleByArn(a.targetRoleArn, a.stackName);
    const name = `pod identity association ${a.logicalId}`;
    if (associationRole !== r.model && target !== r.model) {
      const gives = associationRole ? `role ${roleLabel(associationRole)}` : a.roleArn;
      const via = a.targetRoleArn === undefined ? '' : ` (target role ${target ? roleLabel(target) : a.targetRoleArn})`;
      return `its ${name} gives it ${gives}${via}, and pod identity takes precedence over IRSA`;
    }
    if (!associationRole) return `the role of ${name} (${a.roleArn}) is not in the templates, so its trust cannot be checked`;
    const verdict = podIdentityVerdict(this.model, associationRole, a);
    if (!verdict.admitted) return `${name} names ${associationRole === r.model ? 'it' : `role ${roleLabel(associationRole)}`}, but ${verdict.problem}`;
    if (target === r.model) {
      const problem = targetRoleProblem(this.model, a);
      if (problem) return `${name} chains to it, but ${problem}`;
    }
    return undefined;
  }

  private serviceAccountObjects(c: ClusterRef, namespace: string, name: string): ServiceAccountModel[] {
    return this.model.serviceAccountsNamed(namespace, name).filter((sa) => this.sameCluster(c, sa.clusterKey, sa.stackName));
  }

  private accessEntryOf(c: ClusterRef, principalArn: string): { entry?: AccessEntryModel; label: string; entries: AccessEntryModel[] } {
    const stack = Stack.of(c.cluster);
    const arn = this.stackModel(stack, `cluster ${c.cluster.node.path}`).text.text(stack.resolve(principalArn));
    const role = this.model.roleByArn(arn, c.stackName);
    const entries = this.model.accessEntriesOfCluster(c.key).filter((e) => this.sameCluster(c, e.clusterKey, e.stackName));
    const entry = entries.find((e) => e.principalArn === arn || (role !== undefined && this.model.roleByArn(e.principalArn, e.stackName) === role));
    return { ...(entry ? { entry } : {}), label: principalName(this.model, arn, c.stackName), entries };
  }

  private requireAccessEntry(c: ClusterRef, principalArn: string): { entry: AccessEntryModel; label: string } {
    const { entry, label, entries } = this.accessEntryOf(c, principalArn);
    if (!entry) {
      const names = entries.map((e) => principalName(this.model, e.principalArn, e.stackName));
      throw new Error(`${label} has no access entry on ${c.label}; entries: ${names.join(', ') || 'none'}`);
    }
    return { entry, label };
  }

  private accessProblem(cluster: IIdentityClusterRef, principalArn: string, policy: AccessPolicy): string | undefined {
    const c = this.clusterRef(cluster);
    const { entry, label, entries } = this.accessEntryOf(c, principalArn);
    if (!entry) {
      const names = entries.map((e) => principalName(this.model, e.principalArn, e.stackName));
      return `${label} has no access entry on ${c.label}; entries: ${names.join(', ') || 'none'}`;
    }
    const named = entry.accessPolicies.filter((p) => accessPolicyNameOfArn(p.policyArn) === policy.policyName);
    if (named.length === 0) {
      const has = entry.accessPolicies.map((p) => `${accessPolicyNameOfArn(p.policyArn)} (${scopeText(p)})`).join(', ');
      return `${label}'s access entry on ${c.label} has ${has || 'no access policies'}, not ${policy.policyName}`;
    }
    const clusterWide = named.some((p) => p.scopeType !== AccessScopeType.NAMESPACE);
    if (policy.scope.type === AccessScopeType.CLUSTER) {
      return clusterWide ? undefined
        : `${label} has ${policy.policyName} on ${c.label} only in namespace(s) ${unique(named.flatMap((p) => p.namespaces)).join(', ')}, not at cluster scope`;
    }
    const missing = (policy.scope.namespaces ?? []).filter((n) => !clusterWide && !named.some((p) => p.namespaces.includes(n)));
    if (missing.length === 0) return undefined;
    return `${label} has ${policy.policyName} on ${c.label} in namespace(s) ${unique(named.flatMap((p) => p.namespaces)).join(', ')}, not in ${missing.join(', ')}`;
  }
}

function scopeText(p: AccessPolicyModel): string {
  return p.scopeType === AccessScopeType.NAMESPACE ? `namespace ${p.namespaces.join(', ')}` : 'cluster scope';
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
