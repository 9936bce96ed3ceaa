import { CheckInput } from './check-types';
import { CfnResource, isLiteral, TemplateText } from './model/intrinsics';
import { allowsAction, hasPrincipal, parsePolicyDocument, PolicyDocument, PolicyStatement } from './model/policy-document';
import { worstCaseSize } from './model/worst-case';

/*
 * The identity-relevant parts of a set of synthesized templates, parsed once and shared by every
 * rule. Values are text (see `TemplateText`): literals as written, deploy-time values as
 * placeholders such as `${GetAtt:Role.Arn}`.
 */

/** Where a thing is: stack, logical id and construct path. */
export interface Place {
  readonly stackName: string;
  readonly logicalId?: string;
  readonly constructPath?: string;
}

/** One template. */
export interface StackModel {
  readonly name: string;
  readonly resources: { [logicalId: string]: CfnResource };
  readonly text: TemplateText;
}

/** An `AWS::IAM::Role` with the policies attached to it. */
export interface RoleModel extends Place {
  readonly logicalId: string;
  /** `RoleName` as text; `undefined` when CloudFormation generates the name. */
  readonly roleName?: string;
  /** The trust policy; `undefined` when missing or not valid JSON. */
  readonly trust?: PolicyDocument;
  /** `ManagedPolicyArns` plus the `AWS::IAM::ManagedPolicy` resources attached via `Roles`. */
  readonly managedPolicyArns: string[];
  /** `Policies` plus the `AWS::IAM::Policy` resources attached via `Roles` (all inline policies). */
  readonly inlinePolicies: PolicyDocument[];
  /** Documents of the `AWS::IAM::ManagedPolicy` resources attached via `Roles`. */
  readonly managedPolicyDocuments: PolicyDocument[];
}

/** An `AWS::IAM::OIDCProvider` or aws-eks-v2's `Custom::AWSCDKOpenIdConnectProvider`. */
export interface OidcProviderModel extends Place {
  readonly logicalId: string;
  readonly url: string;
  readonly clientIds: string[];
  /** The cluster whose issuer it is, when the URL is that cluster's `OpenIdConnectIssuerUrl`. */
  readonly clusterKey?: string;
}

/** An `AWS::EKS::Cluster`. */
export interface ClusterModel extends Place {
  readonly logicalId: string;
  /** Identity used to match resources to the cluster: the literal name, else `<stack>/<logicalId>`. */
  readonly key: string;
  /** `AccessConfig.AuthenticationMode`; `undefined` when not set (CloudFormation's default is `CONFIG_MAP`). */
  readonly authenticationMode?: string;
  /** `ComputeConfig.Enabled` (EKS Auto Mode). */
  readonly autoMode: boolean;
}

/** An `AWS::EKS::PodIdentityAssociation`, or one entry of an addon's `PodIdentityAssociations`. */
export interface AssociationModel extends Place {
  readonly logicalId: string;
  readonly location: string;
  readonly clusterKey: string;
  /** `undefined` for addon associations (the addon decides the namespace). */
  readonly namespace?: string;
  readonly serviceAccount: string;
  readonly roleArn: string;
  /** `TargetRoleArn` (cross-account pod identity). */
  readonly targetRoleArn?: string;
  readonly disableSessionTags: boolean;
  readonly hasSessionPolicy: boolean;
  /** The addon the association belongs to, for addon associations. */
  readonly addonName?: string;
}

/** An `AWS::EKS::Addon`. */
export interface AddonModel extends Place {
  readonly logicalId: string;
  readonly name: string;
  readonly clusterKey: string;
}

/** One access policy of an access entry. */
export interface AccessPolicyModel {
  readonly policyArn: string;
  readonly scopeType?: string;
  readonly namespaces: string[];
}

/** An `AWS::EKS::AccessEntry`. */
export interface AccessEntryModel extends Place {
  readonly logicalId: string;
  readonly clusterKey: string;
  readonly principalArn: string;
  /** Upper case; `STANDARD` when not set. */
  readonly type: string;
  readonly groups: string[];
  readonly username?: string;
  readonly accessPolicies: AccessPolicyModel[];
}

/** An `AWS::EKS::Nodegroup`. */
export interface NodegroupModel extends Place {
  readonly logicalId: string;
  readonly clusterKey: string;
  readonly nodeRoleArn: string;
}

/** A Kubernetes ServiceAccount object. */
export interface ServiceAccountModel extends Place {
  /** Where the object comes from, for messages. */
  readonly source: string;
  readonly clusterKey?: string;
  readonly namespace: string;
  readonly name: string;
  /** The `eks.amazonaws.com/role-arn` annotation. */
  readonly roleArn?: string;
}

/** An IRSA statement of a trust policy: Federated principal allowed `sts:AssumeRoleWithWebIdentity`. */
export interface IrsaStatement {
  readonly statement: PolicyStatement;
  readonly providerArn: string;
  readonly provider?: OidcProviderModel;
  /** The provider for messages: its logical id when it is in the templates, else its ARN. */
  readonly providerLabel: string;
}

const REFERENCE = /^\$\{Ref:([^}]*)\}$|^\$\{GetAtt:([^.}]*)\.Arn\}$/;
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';
const KUBERNETES_RESOURCE_TYPE = 'Custom::AWSCDK-EKS-KubernetesResource';

function asList(value: any): any[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function isTrue(value: any): boolean {
  return value === true || value === 'true';
}

/** The logical id a `${Ref:X}` or `${GetAtt:X.Arn}` text points to. */
export function referencedId(text: string): string | undefined {
  const match = REFERENCE.exec(text);
  return match ? match[1] ?? match[2] : undefined;
}

/** The role name at the end of a role ARN (`arn:...:role/path/name`), when it is literal. */
export function roleNameFromArn(arn: string): string | undefined {
  const match = /:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match && isLiteral(match[1]) ? match[1] : undefined;
}

/**
 * The parsed templates and Kubernetes objects. Build it once with `CheckModel.build(inputs)`.
 */
export class CheckModel {
  /** Parses templates (and Kubernetes objects) into a model. */
  public static build(inputs: CheckInput[]): CheckModel {
    return new CheckModel(inputs);
  }

  public readonly stacks: StackModel[] = [];
  public readonly clusters: ClusterModel[] = [];
  public readonly roles: RoleModel[] = [];
  public readonly providers: OidcProviderModel[] = [];
  public readonly associations: AssociationModel[] = [];
  public readonly addons: AddonModel[] = [];
  public readonly accessEntries: AccessEntryModel[] = [];
  public readonly nodegroups: NodegroupModel[] = [];
  public readonly serviceAccounts: ServiceAccountModel[] = [];

  private constructor(inputs: CheckInput[]) {
    const parsed = inputs.map((input) => {
      const resources = input.template?.Resources ?? {};
      const stack: StackModel = { name: input.stackName, resources, text: new TemplateText(resources) };
      this.stacks.push(stack);
      return { input, stack };
    });
    // Clusters first: every other resource is matched to a cluster by key.
    for (const { stack } of parsed) this.readClusters(stack);
    for (const { stack } of parsed) this.readResources(stack);
    for (const { stack } of parsed) this.attachPolicies(stack);
    for (const { input, stack } of parsed) this.readManifests(stack, input.kubernetesManifests ?? []);
  }

  /** The stack with this name. */
  public stack(name: string): StackModel {
    const stack = this.stacks.find((s) => s.name === name);
    if (!stack) throw new Error(`unknown stack ${name}`);
    return stack;
  }

  /** The cluster with this key, when it is defined in the templates. */
  public cluster(key: string | undefined): ClusterModel | undefined {
    return this.clusters.find((c) => c.key === key);
  }

  /** A readable name for a cluster key. */
  public clusterLabel(key: string | undefined): string {
    const cluster = this.cluster(key);
    return cluster ? `cluster ${cluster.logicalId} (stack ${cluster.stackName})` : `cluster ${key ?? '(unknown)'}`;
  }

  /** The cluster key of a `ClusterName` value: `Ref` of a cluster in the stack, else the value as text. */
  public clusterKeyOf(value: any, stack: StackModel): string {
    const text = stack.text.text(value);
    const id = /^\$\{Ref:([^}]*)\}$/.exec(text)?.[1];
    const cluster = id !== undefined ? this.clusters.find((c) => c.stackName === stack.name && c.logicalId === id) : undefined;
    return cluster ? cluster.key : text;
  }

  /**
   * The role a role ARN (or name) points to: `GetAtt Role.Arn` / `Ref Role` in the same stack, or a
   * literal ARN or name matched against literal `RoleName`s in all stacks.
   */
  public roleByArn(arn: string | undefined, stackName: string): RoleModel | undefined {
    if (arn === undefined || arn === '') return undefined;
    const id = referencedId(arn);
    if (id !== undefined) return this.roles.find((r) => r.stackName === stackName && r.logicalId === id);
    const name = arn.startsWith('arn:') ? roleNameFromArn(arn) : isLiteral(arn) ? arn : undefined;
    return name === undefined ? undefined : this.roles.find((r) => r.roleName === name);
  }

  /** The OIDC provider a provider ARN points to (reference in the stack, or literal ARN of a literal URL). */
  public providerByArn(arn: string, stackName: string): OidcProviderModel | undefined {
    const id = referencedId(arn);
    if (id !== undefined) return this.providers.find((p) => p.stackName === stackName && p.logicalId === id);
    const issuer = /:oidc-provider\/(.+)$/.exec(arn)?.[1];
    return issuer === undefined ? undefined : this.providers.find((p) => p.url.replace(/^https:\/\//, '') === issuer);
  }

  /** The IRSA statements of a role's trust policy. */
  public irsaStatements(role: RoleModel): IrsaStatement[] {
    return (role.trust?.statements ?? [])
      .filter((s) => allowsAction(s, 'sts:AssumeRoleWithWebIdentity') && (s.principals.Federated ?? []).length > 0)
      .flatMap((statement) => statement.principals.Federated.map((providerArn) => {
        const provider = this.providerByArn(providerArn, role.stackName);
        return { statement, providerArn, provider, providerLabel: provider?.logicalId ?? providerArn };
      }));
  }

  /** The statements of a role's trust policy that name the EKS Pod Identity service principal. */
  public podIdentityStatements(role: RoleModel): PolicyStatement[] {
    return (role.trust?.statements ?? []).filter((s) => s.effect === 'Allow' && (s.principals.Service ?? []).includes(POD_IDENTITY_PRINCIPAL));
  }

  /** Whether the trust allows the EKS Pod Identity service principal an action (any statement). */
  public podIdentityAllows(role: RoleModel, action: string): boolean {
    return (role.trust?.statements ?? []).some((s) => hasPrincipal(s, 'Service', POD_IDENTITY_PRINCIPAL) && allowsAction(s, action));
  }

  /** The pod identity associations whose `RoleArn` is this role. */
  public associationsUsing(role: RoleModel): AssociationModel[] {
    return this.associations.filter((a) => this.roleByArn(a.roleArn, a.stackName) === role);
  }

  /** Size of a document without whitespace, deploy-time values at their longest. */
  public worstCaseSize(document: PolicyDocument, stackName: string): number {
    const stack = this.stack(stackName);
    return worstCaseSize(document.json, stack.text, stack.resources);
  }

  private place(stack: StackModel, logicalId: string): Place & { logicalId: string } {
    const path = stack.resources[logicalId]?.Metadata?.['aws:cdk:path'];
    return { stackName: stack.name, logicalId, ...(typeof path === 'string' ? { constructPath: path } : {}) };
  }

  private readClusters(stack: StackModel): void {
    for (const [id, resource] of Object.entries(stack.resources)) {
      if (resource.Type !== 'AWS::EKS::Cluster') continue;
      const p = resource.Properties ?? {};
      const name = p.Name === undefined ? undefined : stack.text.text(p.Name);
      const mode = p.AccessConfig?.AuthenticationMode;
      this.clusters.push({
        ...this.place(stack, id),
        key: isLiteral(name) ? name : `${stack.name}/${id}`,
        authenticationMode: mode === undefined ? undefined : stack.text.text(mode).toUpperCase(),
        autoMode: isTrue(p.ComputeConfig?.Enabled),
      });
    }
  }

  private readResources(stack: StackModel): void {
    const t = stack.text;
    for (const [id, resource] of Object.entries(stack.resources)) {
      const p = resource.Properties ?? {};
      const place = this.place(stack, id);
      const clusterKey = (): string => this.clusterKeyOf(p.ClusterName, stack);
      switch (resource.Type) {
        case 'AWS::IAM::Role':
          this.roles.push({
            ...place,
            roleName: p.RoleName === undefined ? undefined : t.text(p.RoleName),
            trust: parsePolicyDocument(t.document(p.AssumeRolePolicyDocument)),
            managedPolicyArns: asList(p.ManagedPolicyArns).map((arn) => t.text(arn)),
            inlinePolicies: asList(p.Policies).map((policy) => parsePolicyDocument(t.document(policy?.PolicyDocument)))
              .filter((d): d is PolicyDocument => d !== undefined),
            managedPolicyDocuments: [],
          });
          break;
        case 'AWS::IAM::OIDCProvider':
        case 'Custom::AWSCDKOpenIdConnectProvider': {
          const url = t.text(p.Url);
          const cluster = /^\$\{GetAtt:([^.}]*)\.OpenIdConnectIssuerUrl\}$/.exec(url)?.[1];
          this.providers.push({
            ...place,
            url,
            clientIds: asList(p.ClientIdList ?? p.ClientIDList).map((c) => t.text(c)),
            clusterKey: cluster === undefined ? undefined : this.clusterKeyOf({ Ref: cluster }, stack),
          });
          break;
        }
        case 'AWS::EKS::PodIdentityAssociation':
          this.associations.push({
            ...place,
            location: 'Properties',
            clusterKey: clusterKey(),
            namespace: t.text(p.Namespace),
            serviceAccount: t.text(p.ServiceAccount),
            roleArn: t.text(p.RoleArn),
            targetRoleArn: p.TargetRoleArn === undefined ? undefined : t.text(p.TargetRoleArn),
            disableSessionTags: isTrue(p.DisableSessionTags),
            hasSessionPolicy: p.Policy !== undefined && p.Policy !== null && p.Policy !== '',
          });
          break;
        case 'AWS::EKS::Addon': {
          const name = t.text(p.AddonName);
          this.addons.push({ ...place, name, clusterKey: clusterKey() });
          asList(p.PodIdentityAssociations).forEach((a, i) => this.associations.push({
            ...place,
            location: `Properties/PodIdentityAssociations/${i}`,
            clusterKey: clusterKey(),
            serviceAccount: t.text(a?.ServiceAccount),
            roleArn: t.text(a?.RoleArn),
            disableSessionTags: false,
            hasSessionPolicy: false,
            addonName: name,
          }));
          break;
        }
        case 'AWS::EKS::AccessEntry':
          this.accessEntries.push({
            ...place,
            clusterKey: clusterKey(),
            principalArn: t.text(p.PrincipalArn),
            type: p.Type === undefined ? 'STANDARD' : t.text(p.Type).toUpperCase(),
            groups: asList(p.KubernetesGroups).map((g) => t.text(g)),
            username: p.Username === undefined ? undefined : t.text(p.Username),
            accessPolicies: asList(p.AccessPolicies).map((a) => ({
              policyArn: t.text(a?.PolicyArn),
              scopeType: a?.AccessScope?.Type === undefined ? undefined : t.text(a.AccessScope.Type).toLowerCase(),
              namespaces: asList(a?.AccessScope?.Namespaces).map((n) => t.text(n)),
            })),
          });
          break;
        case 'AWS::EKS::Nodegroup':
          this.nodegroups.push({ ...place, clusterKey: clusterKey(), nodeRoleArn: t.text(p.NodeRole) });
          break;
        case KUBERNETES_RESOURCE_TYPE:
          this.addServiceAccounts(asList(t.document(p.Manifest)), { ...place, source: `${KUBERNETES_RESOURCE_TYPE} ${id}` },
            clusterKey());
          break;
      }
    }
  }

  /** `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources, attached to roles by `Roles`. */
  private attachPolicies(stack: StackModel): void {
    for (const [id, resource] of Object.entries(stack.resources)) {
      const managed = resource.Type === 'AWS::IAM::ManagedPolicy';
      if (!managed && resource.Type !== 'AWS::IAM::Policy') continue;
      const document = parsePolicyDocument(stack.text.document(resource.Properties?.PolicyDocument));
      if (!document) continue;
      for (const roleRef of asList(resource.Properties?.Roles)) {
        const role = this.roleByArn(stack.text.text(roleRef), stack.name);
        if (!role) continue;
        if (managed) {
          const arn = stack.text.text({ Ref: id });
          if (!role.managedPolicyArns.includes(arn)) role.managedPolicyArns.push(arn);
          role.managedPolicyDocuments.push(document);
        } else {
          role.inlinePolicies.push(document);
        }
      }
    }
  }

  private readManifests(stack: StackModel, objects: any[]): void {
    if (objects.length === 0) return;
    // Manifest files hold one cluster's objects: the stack's cluster, when there is just one.
    let keys = new Set(this.clusters.filter((c) => c.stackName === stack.name).map((c) => c.key));
    if (keys.size === 0) {
      keys = new Set([...this.associations, ...this.accessEntries, ...this.addons]
        .filter((r) => r.stackName === stack.name).map((r) => r.clusterKey));
    }
    const clusterKey = keys.size === 1 ? [...keys][0] : undefined;
    this.addServiceAccounts(objects, { stackName: stack.name, source: `Kubernetes manifests of stack ${stack.name}` }, clusterKey);
  }

  private addServiceAccounts(objects: any[], where: Place & { source: string }, clusterKey: string | undefined): void {
    for (const object of objects) {
      if (object?.kind === 'List' && Array.isArray(object.items)) {
        this.addServiceAccounts(object.items, where, clusterKey);
      } else if (object?.kind === 'ServiceAccount' && typeof object.metadata?.name === 'string') {
        const roleArn = object.metadata.annotations?.['eks.amazonaws.com/role-arn'];
        this.serviceAccounts.push({
          ...where,
          clusterKey,
          namespace: typeof object.metadata.namespace === 'string' ? object.metadata.namespace : 'default',
          name: object.metadata.name,
          roleArn: typeof roleArn === 'string' ? roleArn : undefined,
        });
      }
    }
  }
}
