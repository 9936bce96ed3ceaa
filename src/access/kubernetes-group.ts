import { Annotations } from 'aws-cdk-lib';
import * as cdk8s from 'cdk8s';
import { Construct } from 'constructs';
import type { IIdentityCluster } from '../cluster/i-identity-cluster';
import { kubernetesGroupProblem } from '../core/access-entry-names';
import { throwIdentityError, throwIfProblem } from '../core/errors';
import { namespaceNameProblem, rbacObjectNameProblem } from '../core/kubernetes-names';
import { MANAGED_BY_LABEL, RBAC_API_GROUP } from '../core/kubernetes-vocabulary';
import { CLUSTER_ADMIN_BINDING_FIX, clusterRoleRisk, RBAC_RULE_RISK_FIX, rbacRuleRisks, rbacVerbProblem } from '../core/rbac';
import { asTemplateText } from '../private/template-text-of';

const RBAC_API_VERSION = `${RBAC_API_GROUP}/v1`;

/**
 * One RBAC rule: which verbs on which resources (or non-resource URLs).
 */
export interface RbacRule {
  /**
   * The verbs, e.g. `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, or `*`.
   */
  readonly verbs: string[];

  /**
   * API groups of the resources (`''` is the core group, `apps`, `batch`, ...).
   * @default [''] (the core API group) when `resources` is given
   */
  readonly apiGroups?: string[];

  /**
   * Resources, e.g. `pods`, `pods/log`, `deployments`, or `*`.
   * @default - none; then `nonResourceUrls` is required
   */
  readonly resources?: string[];

  /**
   * Limit the rule to these object names.
   * @default - all objects
   */
  readonly resourceNames?: string[];

  /**
   * Non-resource URLs such as `/healthz` (cluster-wide groups only, without `resources`).
   * @default - none
   */
  readonly nonResourceUrls?: string[];
}

/**
 * What a Kubernetes group may do (everything but the cluster).
 */
export interface KubernetesGroupOptions {
  /**
   * The Kubernetes group, as put on access entries (`kubernetesGroups`). Must not start with
   * `system:`.
   */
  readonly group: string;

  /**
   * Limit the group to one namespace: a Role (or the ClusterRole `clusterRole`) bound with a
   * RoleBinding in that namespace.
   * @default - cluster-wide: a ClusterRole bound with a ClusterRoleBinding
   */
  readonly namespace?: string;

  /**
   * Rules of a Role (with `namespace`) or ClusterRole written for the group. Give either `rules`
   * or `clusterRole`.
   * @default - none; then `clusterRole` is required
   */
  readonly rules?: RbacRule[];

  /**
   * An existing ClusterRole to bind the group to, e.g. `view`, `edit`, `admin`. Give either
   * `rules` or `clusterRole`.
   * @default - none; then `rules` is required
   */
  readonly clusterRole?: string;

  /**
   * Name of the Role/ClusterRole written for `rules`, and of the binding.
   * @default - the group name for the role and its binding; `<group>-<clusterRole>` for a binding
   * to an existing ClusterRole
   */
  readonly name?: string;

  /**
   * Also emit the Namespace object (never for built-in namespaces).
   * @default false
   */
  readonly createNamespace?: boolean;

  /**
   * Accept verbs Kubernetes itself does not define (an extension API server may check its own).
   * @default false: every verb must be a Kubernetes verb (`get`, `list`, `watch`, `create`,
   * `update`, `patch`, `delete`, `deletecollection`, the special verbs, or `*`)
   */
  readonly allowCustomVerbs?: boolean;
}

/**
 * Properties of {@link KubernetesGroup}.
 */
export interface KubernetesGroupProps extends KubernetesGroupOptions {
  /** The cluster whose chart gets the RBAC objects. */
  readonly cluster: IIdentityCluster;
}

/**
 * A Kubernetes group and what it may do, as RBAC objects in the cluster's cdk8s chart: a Role and
 * RoleBinding (in a namespace) or a ClusterRole and ClusterRoleBinding, or a binding to an existing
 * ClusterRole such as `view`. Put principals into the group with access entries
 * (`kubernetesGroups`, or `cluster.grantKubernetesGroups`).
 *
 * Rules that let the group raise its own privileges (`escalate`, `bind`, `impersonate`), every
 * verb on every resource cluster-wide, and a binding to `cluster-admin` are synth warnings
 * (`cdk-eks-identity:rbacEscalation`, `cdk-eks-identity:rbacClusterAdmin`); acknowledge one that
 * is meant with `Annotations.of(group).acknowledgeWarning(id, reason)`.
 *
 * @example
 * cluster.addKubernetesGroup('PodReaders', {
 *   group: 'pod-readers',
 *   namespace: 'app',
 *   rules: [{ resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }],
 * });
 */
export class KubernetesGroup extends Construct {
  /** The group name. */
  public readonly groupName: string;
  /**
   * The namespace the group is limited to.
   * @default - cluster-wide
   */
  public readonly namespace?: string;
  /**
   * The Role or ClusterRole written for the group's rules.
   * @default - none: the group is bound to an existing ClusterRole
   */
  public readonly role?: cdk8s.ApiObject;
  /** The RoleBinding or ClusterRoleBinding. */
  public readonly binding: cdk8s.ApiObject;

  constructor(scope: Construct, id: string, props: KubernetesGroupProps) {
    super(scope, id);
    this.groupName = props.group;
    this.namespace = props.namespace;
    throwIfProblem(this, kubernetesGroupProblem(asTemplateText(this, props.group)));
    if (props.namespace !== undefined) throwIfProblem(this, namespaceNameProblem(asTemplateText(this, props.namespace)));
    const hasRules = props.rules !== undefined;
    if (hasRules === (props.clusterRole !== undefined)) {
      throwIdentityError(this, `Kubernetes group '${props.group}' needs exactly one of rules and clusterRole`,
        'give rules (a Role/ClusterRole is written for the group) or clusterRole (an existing ClusterRole such as \'view\' is bound)');
    }
    if (props.clusterRole !== undefined) {
      this.checkObjectName('clusterRole', props.clusterRole);
      const risk = clusterRoleRisk(props.clusterRole, props.namespace);
      if (risk) this.warnRisk('cdk-eks-identity:rbacClusterAdmin', risk, CLUSTER_ADMIN_BINDING_FIX);
    }
    const roleName = props.name ?? props.group;
    const bindingName = props.name ?? (hasRules ? props.group : `${props.group}-${props.clusterRole}`);
    this.checkObjectName('name', bindingName);
    if (hasRules) this.checkRules(props.rules!, props.allowCustomVerbs ?? false);

    const objects = props.cluster.kubernetesObjects;
    if (props.createNamespace && props.namespace !== undefined) objects.ensureNamespace(props.namespace);
    const chart = objects.chart;
    const namespaced = props.namespace !== undefined;
    const metadata = (name: string) => ({
      name,
      ...(namespaced ? { namespace: props.namespace } : {}),
      labels: { ...MANAGED_BY_LABEL },
    });

    let roleRef: { apiGroup: string; kind: string; name: string };
    if (hasRules) {
      const kind = namespaced ? 'Role' : 'ClusterRole';
      this.role = this.addObject(chart, kind, roleName, {
        apiVersion: RBAC_API_VERSION,
        kind,
        metadata: metadata(roleName),
        rules: props.rules!.map(renderRule),
      });
      roleRef = { apiGroup: RBAC_API_GROUP, kind, name: roleName };
    } else {
      roleRef = { apiGroup: RBAC_API_GROUP, kind: 'ClusterRole', name: props.clusterRole! };
    }
    const bindingKind = namespaced ? 'RoleBinding' : 'ClusterRoleBinding';
    this.binding = this.addObject(chart, bindingKind, bindingName, {
      apiVersion: RBAC_API_VERSION,
      kind: bindingKind,
      metadata: metadata(bindingName),
      roleRef,
      subjects: [{ apiGroup: RBAC_API_GROUP, kind: 'Group', name: props.group }],
    });
  }

  private addObject(chart: cdk8s.Chart, kind: string, name: string, props: cdk8s.ApiObjectProps): cdk8s.ApiObject {
    // A namespace has no '.', so '<namespace>.<name>' cannot collide with another namespace and name.
    const objectId = `rbac-${kind.toLowerCase()}-${this.namespace !== undefined ? `${this.namespace}.` : ''}${name}`;
    const existing = chart.node.tryFindChild(objectId);
    if (existing) {
      const where = this.namespace !== undefined ? ` in namespace ${this.namespace}` : '';
      throwIdentityError(this, `the cluster's chart already has a ${kind} named '${name}'${where}`,
        'give this group a different name (the name option), or add the rules to the existing group');
    }
    return new cdk8s.ApiObject(chart, objectId, props);
  }

  private checkObjectName(field: string, name: string): void {
    throwIfProblem(this, rbacObjectNameProblem(asTemplateText(this, name), field));
  }

  private warnRisk(id: string, risk: string, fix: string): void {
    Annotations.of(this).addWarningV2(id, `Kubernetes group '${this.groupName}': ${risk}. Fix: ${fix}; `
      + `if this is meant, acknowledge it: Annotations.of(group).acknowledgeWarning('${id}', '<reason>')`);
  }

  private checkRules(rules: RbacRule[], allowCustomVerbs: boolean): void {
    if (rules.length === 0) {
      throwIdentityError(this, `Kubernetes group '${this.groupName}' has an empty list of rules`, 'give at least one rule, or bind an existing ClusterRole with clusterRole');
    }
    rules.forEach((rule, index) => {
      const resources = rule.resources ?? [];
      const urls = rule.nonResourceUrls ?? [];
      if (rule.verbs.length === 0) {
        throwIdentityError(this, `rule ${index} of Kubernetes group '${this.groupName}' has no verbs`, 'list the verbs, e.g. [\'get\', \'list\', \'watch\']');
      }
      if (resources.length > 0 && urls.length > 0) {
        throwIdentityError(this, `rule ${index} of Kubernetes group '${this.groupName}' has both resources and nonResourceUrls`, 'split it into two rules');
      }
      if (resources.length === 0 && urls.length === 0) {
        throwIdentityError(this, `rule ${index} of Kubernetes group '${this.groupName}' has neither resources nor nonResourceUrls`,
          'list the resources (e.g. [\'pods\']) or the non-resource URLs (e.g. [\'/healthz\'])');
      }
      if (urls.length > 0 && this.namespace !== undefined) {
        throwIdentityError(this, `rule ${index} of Kubernetes group '${this.groupName}' has nonResourceUrls, which a namespaced Role cannot hold`,
          'put non-resource URLs into a cluster-wide group (no namespace)');
      }
      if (urls.length > 0 && (rule.apiGroups !== undefined || rule.resourceNames !== undefined)) {
        throwIdentityError(this, `rule ${index} of Kubernetes group '${this.groupName}' has nonResourceUrls with apiGroups or resourceNames`, 'remove apiGroups and resourceNames from the non-resource rule');
      }
      for (const verb of rule.verbs) {
        const problem = rbacVerbProblem(asTemplateText(this, verb), urls.length > 0, allowCustomVerbs);
        if (problem) throwIdentityError(this, `rule ${index} of Kubernetes group '${this.groupName}': ${problem.problem}`, problem.fix);
      }
      const shape = { verbs: rule.verbs, apiGroups: rule.apiGroups ?? [''], resources, nonResourceURLs: urls };
      for (const risk of rbacRuleRisks(shape, this.namespace === undefined)) {
        this.warnRisk(risk.includes('cluster-wide') ? 'cdk-eks-identity:rbacClusterAdmin' : 'cdk-eks-identity:rbacEscalation', `rule ${index}: ${risk}`, RBAC_RULE_RISK_FIX);
      }
    });
  }
}

function renderRule(rule: RbacRule): any {
  const urls = rule.nonResourceUrls ?? [];
  if (urls.length > 0) return { nonResourceURLs: [...urls], verbs: [...rule.verbs] };
  return {
    apiGroups: [...(rule.apiGroups ?? [''])],
    resources: [...rule.resources!],
    ...(rule.resourceNames && rule.resourceNames.length > 0 ? { resourceNames: [...rule.resourceNames] } : {}),
    verbs: [...rule.verbs],
  };
}
