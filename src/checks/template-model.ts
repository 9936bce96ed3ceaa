import { CheckInput } from './check-types';
import { templateWorstCaseSize } from './model/template-worst-case';
import { roleNameOfArn } from '../core/arn';
import { isKnown } from '../core/deploy-time';
import { IRSA_ROLE_ARN_ANNOTATION } from '../core/irsa';
import { describeDeployTimeText, TemplateReference } from '../core/template/deploy-time-words';
import { parsePolicyDocument, PolicyDocument } from '../core/template/policy-document';
import { TEMPLATE_METADATA_KEY } from '../core/template/template-metadata';
import { CfnResource, TemplateText } from '../core/template/template-text';
import { issuerOfUrlText, issuersOfProviderArn } from '../core/trust/issuer-keys';
import { analyzeTrust, IrsaGrant, PodIdentityGrant, TrustAnalysis, TrustAnalysisOptions } from '../core/trust/trust-semantics';

/*
 * The identity-relevant parts of a set of synthesized templates, read once and shared by every
 * rule, the report, the diff and the test helpers. Values are text (see `TemplateText`): literals
 * as written, deploy-time values as placeholders such as `${GetAtt:Role.Arn}`. Everything the
 * readers look up is indexed (roles by logical id, name and ARN; providers by issuer;
 * associations by role; clusters by key), so a check costs time linear in the assembly. Trust
 * questions go to the core's trust semantics; nothing here judges a trust.
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
  /** Path of the template file, when read from one. */
  readonly templatePath?: string;
  /** Construct paths by logical id, for resources without `aws:cdk:path` metadata (see `CheckInput.constructPaths`). */
  readonly constructPaths?: { [logicalId: string]: string };
  /** The stack's account, when known. */
  readonly account?: string;
  /** The stack's region, when known. */
  readonly region?: string;
}

/** An `AWS::IAM::Role` with the policies attached to it. */
export interface RoleModel extends Place {
  readonly logicalId: string;
  /** `RoleName` as text; `undefined` when CloudFormation generates the name. */
  readonly roleName?: string;
  /** `Path` as text (`/` when not set). */
  readonly path: string;
  /** The trust policy; `undefined` when missing or not valid JSON. */
  readonly trust?: PolicyDocument;
  /** `ManagedPolicyArns` plus the `AWS::IAM::ManagedPolicy` resources attached via `Roles`. */
  readonly managedPolicyArns: string[];
  /** `Policies` plus the `AWS::IAM::Policy` resources attached via `Roles` (all inline policies). */
  readonly inlinePolicies: PolicyDocument[];
  /** Documents of the `AWS::IAM::ManagedPolicy` resources attached via `Roles`, with their logical ids. */
  readonly managedPolicyDocuments: PolicyDocument[];
  /** Logical ids of the `AWS::IAM::ManagedPolicy` resources of `managedPolicyDocuments`, in order. */
  readonly managedPolicyIds: string[];
  /** `PermissionsBoundary` as text. */
  readonly permissionsBoundary?: string;
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
  /** `AccessConfig.BootstrapClusterCreatorAdminPermissions`; `undefined` when not set (then true). */
  readonly bootstrapCreatorAdmin?: boolean;
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
  /** The session policy document, when it is one. */
  readonly sessionPolicy?: string;
  /** The addon the association belongs to, for addon associations. */
  readonly addonName?: string;
}

/** An `AWS::EKS::Addon`. */
export interface AddonModel extends Place {
  readonly logicalId: string;
  readonly name: string;
  readonly clusterKey: string;
  /** `AddonVersion` as text. */
  readonly version?: string;
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

/** One selector of a Fargate profile. */
export interface FargateSelectorModel {
  readonly namespace: string;
  /** Labels a pod needs to be selected (none: every pod of the namespace). */
  readonly labels: { [key: string]: string };
}

/** An `AWS::EKS::FargateProfile`. */
export interface FargateProfileModel extends Place {
  readonly logicalId: string;
  readonly clusterKey: string;
  readonly podExecutionRoleArn: string;
  readonly selectors: FargateSelectorModel[];
}

/** A cluster a stack imports (recorded in the template's `Metadata`; it has no resource). */
export interface ImportedClusterModel {
  readonly stackName: string;
  /** The cluster key (its literal name, or the name as text). */
  readonly key: string;
  /** The issuer URL as text. */
  readonly issuerUrl: string;
  /** The OIDC provider ARN as text. */
  readonly providerArn: string;
  /** Whether the pod identity agent runs in the cluster, as the import said; `undefined` when not known. */
  readonly podIdentityAgentInstalled?: boolean;
  /** The namespaces (patterns with `*` and `?`) its Fargate profiles select, as the import said. */
  readonly fargateNamespaces: string[];
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

/** A Role, ClusterRole, RoleBinding or ClusterRoleBinding among the Kubernetes objects. */
export interface RbacObjectModel extends Place {
  readonly source: string;
  readonly clusterKey?: string;
  readonly kind: 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding';
  readonly name: string;
  /** The namespace of a Role or RoleBinding. */
  readonly namespace?: string;
  /** The rules of a Role or ClusterRole. */
  readonly rules: Array<{ verbs: string[]; apiGroups?: string[]; resources?: string[]; nonResourceURLs?: string[] }>;
  /** The role a binding refers to. */
  readonly roleRef?: { kind: string; name: string };
  /** The subjects of a binding. */
  readonly subjects: Array<{ kind: string; name: string }>;
}

/** An IRSA grant of a role's trust, with the provider it names when that is in the templates. */
export interface IrsaStatement {
  readonly grant: IrsaGrant;
  readonly providerArn: string;
  readonly provider?: OidcProviderModel;
  /** The provider for messages: its logical id when it is in the templates, else its ARN. */
  readonly providerLabel: string;
}

interface MutableRole extends RoleModel {
  readonly managedPolicyArns: string[];
  readonly inlinePolicies: PolicyDocument[];
  readonly managedPolicyDocuments: PolicyDocument[];
  readonly managedPolicyIds: string[];
}

const REFERENCE = /^\$\{Ref:([^}]*)\}$|^\$\{GetAtt:([^.}]*)\.Arn\}$/;
const KUBERNETES_RESOURCE_TYPE = 'Custom::AWSCDK-EKS-KubernetesResource';

function asList(value: any): any[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function isTrue(value: any): boolean {
  return value === true || value === 'true';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The logical id a `${Ref:X}` or `${GetAtt:X.Arn}` text points to. */
export function referencedId(text: string): string | undefined {
  const match = REFERENCE.exec(text);
  return match ? match[1] ?? match[2] : undefined;
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
  public readonly fargateProfiles: FargateProfileModel[] = [];
  public readonly serviceAccounts: ServiceAccountModel[] = [];
  public readonly importedClusters: ImportedClusterModel[] = [];
  public readonly rbacObjects: RbacObjectModel[] = [];

  private readonly stacksByName = new Map<string, StackModel>();
  private readonly clustersByKey = new Map<string, ClusterModel[]>();
  private readonly clustersById = new Map<string, ClusterModel>();
  private readonly rolesById = new Map<string, MutableRole>();
  private readonly rolesByName = new Map<string, MutableRole[]>();
  private readonly providersById = new Map<string, OidcProviderModel>();
  private readonly providersByIssuer = new Map<string, OidcProviderModel[]>();
  private readonly associationsByRole = new Map<RoleModel, AssociationModel[]>();
  private readonly associationsByClusterKey = new Map<string, AssociationModel[]>();
  /** Associations by cluster key and service account name. */
  private readonly associationsByServiceAccount = new Map<string, AssociationModel[]>();
  /** Associations by stack and service account name (for the objects of no known cluster). */
  private readonly associationsByStackServiceAccount = new Map<string, AssociationModel[]>();
  private readonly accessEntriesByClusterKey = new Map<string, AccessEntryModel[]>();
  private readonly addonsByClusterKey = new Map<string, AddonModel[]>();
  private readonly fargateProfilesByClusterKey = new Map<string, FargateProfileModel[]>();
  private readonly serviceAccountsByName = new Map<string, ServiceAccountModel[]>();
  private readonly clustersByStack = new Map<string, ClusterModel[]>();
  /** Cluster keys of the associations, access entries and addons of each stack. */
  private readonly clusterKeysByStack = new Map<string, Set<string>>();
  private readonly importedByIssuer = new Map<string, ImportedClusterModel>();
  private readonly importedByClusterKey = new Map<string, ImportedClusterModel[]>();
  private readonly importedByProvider = new Map<string, ImportedClusterModel>();
  private readonly trusts = new Map<RoleModel, TrustAnalysis>();
  private readonly trustOptionsByStack = new Map<string, TrustAnalysisOptions>();
  private readonly sizes = new Map<PolicyDocument, { readonly stackName: string; readonly size: number }>();
  private readonly irsaCache = new Map<RoleModel, IrsaStatement[]>();

  private constructor(inputs: CheckInput[]) {
    const parsed = inputs.map((input) => {
      const resources = input.template?.Resources ?? {};
      const stack: StackModel = {
        name: input.stackName,
        resources,
        text: new TemplateText(resources),
        ...(input.templatePath !== undefined ? { templatePath: input.templatePath } : {}),
        ...(input.constructPaths !== undefined ? { constructPaths: input.constructPaths } : {}),
        ...(input.account !== undefined ? { account: input.account } : {}),
        ...(input.region !== undefined ? { region: input.region } : {}),
      };
      this.stacks.push(stack);
      this.stacksByName.set(stack.name, stack);
      return { input, stack };
    });
    // Clusters first: every other resource is matched to a cluster by key.
    for (const { stack } of parsed) this.readClusters(stack);
    for (const { input, stack } of parsed) this.readImportedClusters(stack, input.template?.Metadata?.[TEMPLATE_METADATA_KEY]);
    for (const { stack } of parsed) this.readResources(stack);
    for (const { stack } of parsed) this.attachPolicies(stack);
    for (const { input, stack } of parsed) {
      this.readManifests(stack, input.kubernetesManifests ?? []);
      for (const cluster of input.clusterKubernetesManifests ?? []) {
        this.addServiceAccounts(cluster.manifests, { stackName: stack.name, source: `Kubernetes manifests of cluster ${cluster.cluster} (stack ${stack.name})` }, cluster.cluster);
      }
    }
    for (const association of this.associations) {
      const role = this.roleByArn(association.roleArn, association.stackName);
      if (role) push(this.associationsByRole, role, association);
    }
    for (const sa of this.serviceAccounts) push(this.serviceAccountsByName, `${sa.namespace}\u0000${sa.name}`, sa);
  }

  /** The stack with this name. */
  public stack(name: string): StackModel {
    const stack = this.stacksByName.get(name);
    if (!stack) throw new Error(`unknown stack ${name}`);
    return stack;
  }

  /** The stack with this name, when the model has it. */
  public findStack(name: string): StackModel | undefined {
    return this.stacksByName.get(name);
  }

  /** The first cluster with this key, when it is defined in the templates. */
  public cluster(key: string | undefined): ClusterModel | undefined {
    return key === undefined ? undefined : this.clustersByKey.get(key)?.[0];
  }

  /**
   * The cluster a cluster key means for a resource of a stack: the one with that key in the
   * stack, else the only one with that key anywhere.
   */
  public clusterOfKey(key: string | undefined, stackName: string): ClusterModel | undefined {
    if (key === undefined) return undefined;
    const all = this.clustersByKey.get(key) ?? [];
    return all.find((c) => c.stackName === stackName) ?? (all.length === 1 ? all[0] : undefined);
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
    const cluster = id !== undefined ? this.clustersById.get(`${stack.name}\u0000${id}`) : undefined;
    return cluster ? cluster.key : text;
  }

  /**
   * The role a role ARN (or name) points to: `GetAtt Role.Arn` / `Ref Role` in the same stack, or a
   * literal ARN or name matched against literal `RoleName`s in all stacks.
   */
  public roleByArn(arn: string | undefined, stackName: string): RoleModel | undefined {
    if (arn === undefined || arn === '') return undefined;
    const id = referencedId(arn);
    if (id !== undefined) return this.rolesById.get(`${stackName}\u0000${id}`);
    const name = arn.startsWith('arn:') ? roleNameOfArn(arn) : isKnown(arn) ? arn : undefined;
    return name === undefined ? undefined : this.rolesByName.get(name)?.[0];
  }

  /** The role with a logical id in a stack. */
  public roleById(stackName: string, logicalId: string): RoleModel | undefined {
    return this.rolesById.get(`${stackName}\u0000${logicalId}`);
  }

  /** The imported cluster (recorded in template Metadata) whose OIDC provider an ARN is, as written in a stack. */
  public importedClusterOfProvider(providerArn: string, stackName: string): ImportedClusterModel | undefined {
    const byArn = this.importedByProvider.get(`${stackName}\u0000${providerArn}`);
    if (byArn) return byArn;
    const [issuer] = issuersOfProviderArn(providerArn);
    return issuer === undefined ? undefined : this.importedByIssuer.get(issuer);
  }

  /** The OIDC provider a provider ARN points to (reference in the stack, or an ARN whose path is a provider's literal issuer). */
  public providerByArn(arn: string, stackName: string): OidcProviderModel | undefined {
    const id = referencedId(arn);
    if (id !== undefined) return this.providersById.get(`${stackName}\u0000${id}`);
    const [issuer] = issuersOfProviderArn(arn);
    return issuer === undefined ? undefined : this.providersByIssuer.get(issuer)?.[0];
  }

  /**
   * How the trust semantics ties a role's condition keys to the providers of its stack (one
   * instance per stack; the issuers of each provider ARN are worked out once).
   */
  public trustOptions(stackName: string): TrustAnalysisOptions {
    let options = this.trustOptionsByStack.get(stackName);
    if (!options) {
      const issuers = new Map<string, string[]>();
      options = {
        issuersOfProvider: (providerArn) => {
          let list = issuers.get(providerArn);
          if (!list) {
            const provider = this.providerByArn(providerArn, stackName);
            list = [...issuersOfProviderArn(providerArn), ...(provider ? [issuerOfUrlText(provider.url)] : [])];
            issuers.set(providerArn, list);
          }
          return list;
        },
      };
      this.trustOptionsByStack.set(stackName, options);
    }
    return options;
  }

  /** What a role's trust lets in (the core's trust semantics, computed once per role). */
  public trustOf(role: RoleModel): TrustAnalysis {
    let analysis = this.trusts.get(role);
    if (!analysis) {
      analysis = analyzeTrust(role.trust, this.trustOptions(role.stackName));
      this.trusts.set(role, analysis);
    }
    return analysis;
  }

  /** The IRSA grants of a role's trust, with their providers. */
  public irsaStatements(role: RoleModel): IrsaStatement[] {
    let statements = this.irsaCache.get(role);
    if (!statements) {
      statements = this.trustOf(role).irsa.map((grant) => {
        const provider = this.providerByArn(grant.providerArn, role.stackName);
        const providerLabel = provider?.logicalId ?? this.describe(grant.providerArn, role.stackName);
        return { grant, providerArn: grant.providerArn, provider, providerLabel };
      });
      this.irsaCache.set(role, statements);
    }
    return statements;
  }

  /** The statements of a role's trust that let EKS Pod Identity in. */
  public podIdentityStatements(role: RoleModel): PodIdentityGrant[] {
    return this.trustOf(role).podIdentity;
  }

  /** The pod identity associations whose `RoleArn` is this role. */
  public associationsUsing(role: RoleModel): AssociationModel[] {
    return this.associationsByRole.get(role) ?? [];
  }

  /** The pod identity associations by cluster key, in template order (first use of each key first). */
  public associationsByCluster(): ReadonlyMap<string, AssociationModel[]> {
    return this.associationsByClusterKey;
  }

  /** The pod identity associations with a cluster key. */
  public associationsOfCluster(key: string): AssociationModel[] {
    return this.associationsByClusterKey.get(key) ?? [];
  }

  /**
   * The pod identity associations (add-on associations included) with a cluster key for a
   * service account name, in any namespace.
   */
  public associationsForServiceAccount(clusterKey: string, serviceAccount: string): AssociationModel[] {
    return this.associationsByServiceAccount.get(`${clusterKey}\u0000${serviceAccount}`) ?? [];
  }

  /**
   * The pod identity association of a service account object: same namespace and name, on the
   * object's cluster when it is known, else in the object's stack. The first in template order.
   */
  public associationOf(sa: ServiceAccountModel): AssociationModel | undefined {
    const candidates = sa.clusterKey === undefined
      ? this.associationsByStackServiceAccount.get(`${sa.stackName}\u0000${sa.name}`)
      : this.associationsByServiceAccount.get(`${sa.clusterKey}\u0000${sa.name}`);
    return candidates?.find((a) => a.namespace === sa.namespace);
  }

  /** The access entries with a cluster key. */
  public accessEntriesOfCluster(key: string): AccessEntryModel[] {
    return this.accessEntriesByClusterKey.get(key) ?? [];
  }

  /** The addons with a cluster key. */
  public addonsOfCluster(key: string): AddonModel[] {
    return this.addonsByClusterKey.get(key) ?? [];
  }

  /** The Fargate profiles with a cluster key. */
  public fargateProfilesOfCluster(key: string): FargateProfileModel[] {
    return this.fargateProfilesByClusterKey.get(key) ?? [];
  }

  /** The records of the clusters made elsewhere that a cluster key names (template `Metadata`, any stack). */
  public importedClustersOfCluster(key: string): ImportedClusterModel[] {
    return this.importedByClusterKey.get(key) ?? [];
  }

  /** The ServiceAccount objects with this namespace and name, of any cluster. */
  public serviceAccountsNamed(namespace: string, name: string): ServiceAccountModel[] {
    return this.serviceAccountsByName.get(`${namespace}\u0000${name}`) ?? [];
  }

  /** Size of a document without whitespace, deploy-time values at their longest (worked out once per document). */
  public worstCaseSize(document: PolicyDocument, stackName: string): number {
    const known = this.sizes.get(document);
    if (known?.stackName === stackName) return known.size;
    const stack = this.stack(stackName);
    const size = templateWorstCaseSize(document.json, stack.text, stack.resources);
    this.sizes.set(document, { stackName, size });
    return size;
  }

  /**
   * A value for messages and reports, with its deploy-time values in words: a role's or
   * resource's name instead of a placeholder that refers to it (`${GetAtt:AppRole.Arn}` →
   * `role app (Stack/App/Role)`, `${GetAtt:Bucket.Arn}/*` → `{the ARN of Bucket (Stack/Bucket/Resource)}/*`,
   * `arn:${Ref:AWS::Partition}:...` → `arn:{partition}:...`). Literal text is returned as it is.
   */
  public describe(text: string, stackName: string): string {
    return describeDeployTimeText(text, (reference) => this.describeReference(reference, stackName));
  }

  /** A reference to a resource (or parameter) of a stack in words. */
  private describeReference(reference: TemplateReference, stackName: string): string {
    const { logicalId, attribute } = reference;
    const role = attribute === undefined || attribute === 'Arn' ? this.roleById(stackName, logicalId) : undefined;
    if (role) return `role ${describeRole(role)}`;
    const stack = this.findStack(stackName);
    if (stack && attribute === undefined && stack.resources[logicalId] === undefined) return `parameter ${logicalId}`;
    const path = stack && constructPathOf(stack, logicalId);
    const what = attribute === undefined ? '' : attribute === 'Arn' ? 'the ARN of ' : `the ${attribute} of `;
    return `${what}${logicalId}${path !== undefined ? ` (${path})` : ''}`;
  }

  private place(stack: StackModel, logicalId: string): Place & { logicalId: string } {
    const path = constructPathOf(stack, logicalId);
    return { stackName: stack.name, logicalId, ...(path !== undefined ? { constructPath: path } : {}) };
  }

  private readClusters(stack: StackModel): void {
    for (const [id, resource] of Object.entries(stack.resources)) {
      if (resource?.Type !== 'AWS::EKS::Cluster') continue;
      const p = resource.Properties ?? {};
      const name = p.Name === undefined ? undefined : stack.text.text(p.Name);
      const mode = p.AccessConfig?.AuthenticationMode;
      const bootstrap = p.AccessConfig?.BootstrapClusterCreatorAdminPermissions;
      const cluster: ClusterModel = {
        ...this.place(stack, id),
        key: isKnown(name) ? name : `${stack.name}/${id}`,
        authenticationMode: mode === undefined ? undefined : stack.text.text(mode).toUpperCase(),
        ...(bootstrap !== undefined ? { bootstrapCreatorAdmin: isTrue(bootstrap) } : {}),
        autoMode: isTrue(p.ComputeConfig?.Enabled),
      };
      this.clusters.push(cluster);
      push(this.clustersByKey, cluster.key, cluster);
      push(this.clustersByStack, stack.name, cluster);
      this.clustersById.set(`${stack.name}\u0000${id}`, cluster);
    }
  }

  private readImportedClusters(stack: StackModel, metadata: any): void {
    for (const entry of asList(metadata?.importedClusters)) {
      if (entry === null || typeof entry !== 'object') continue;
      const imported: ImportedClusterModel = {
        stackName: stack.name,
        key: this.clusterKeyOf(entry.clusterName, stack),
        issuerUrl: stack.text.text(entry.openIdConnectIssuerUrl),
        providerArn: stack.text.text(entry.openIdConnectProviderArn),
        ...(typeof entry.podIdentityAgentInstalled === 'boolean' ? { podIdentityAgentInstalled: entry.podIdentityAgentInstalled } : {}),
        fargateNamespaces: asList(entry.fargateNamespaces).map((n) => stack.text.text(n)),
      };
      this.importedClusters.push(imported);
      push(this.importedByClusterKey, imported.key, imported);
      if (isKnown(imported.issuerUrl)) this.importedByIssuer.set(issuerOfUrlText(imported.issuerUrl), imported);
      this.importedByProvider.set(`${stack.name}\u0000${imported.providerArn}`, imported);
    }
  }

  private readResources(stack: StackModel): void {
    const t = stack.text;
    for (const [id, resource] of Object.entries(stack.resources)) {
      if (resource === null || typeof resource !== 'object') continue;
      const p = resource.Properties ?? {};
      const place = this.place(stack, id);
      const clusterKey = (): string => this.clusterKeyOf(p.ClusterName, stack);
      switch (resource.Type) {
        case 'AWS::IAM::Role': {
          const role: MutableRole = {
            ...place,
            roleName: p.RoleName === undefined ? undefined : t.text(p.RoleName),
            path: p.Path === undefined ? '/' : t.text(p.Path),
            trust: parsePolicyDocument(t.document(p.AssumeRolePolicyDocument)),
            managedPolicyArns: asList(p.ManagedPolicyArns).map((arn) => t.text(arn)),
            inlinePolicies: asList(p.Policies).map((policy) => parsePolicyDocument(t.document(policy?.PolicyDocument)))
              .filter((d): d is PolicyDocument => d !== undefined),
            managedPolicyDocuments: [],
            managedPolicyIds: [],
            ...(p.PermissionsBoundary !== undefined ? { permissionsBoundary: t.text(p.PermissionsBoundary) } : {}),
          };
          this.roles.push(role);
          this.rolesById.set(`${stack.name}\u0000${id}`, role);
          if (isKnown(role.roleName)) push(this.rolesByName, role.roleName, role);
          break;
        }
        case 'AWS::IAM::OIDCProvider':
        case 'Custom::AWSCDKOpenIdConnectProvider': {
          const url = t.text(p.Url);
          const cluster = /^\$\{GetAtt:([^.}]*)\.OpenIdConnectIssuerUrl\}$/.exec(url)?.[1];
          const provider: OidcProviderModel = {
            ...place,
            url,
            clientIds: asList(p.ClientIdList ?? p.ClientIDList).map((c) => t.text(c)),
            clusterKey: cluster === undefined ? undefined : this.clusterKeyOf({ Ref: cluster }, stack),
          };
          this.providers.push(provider);
          this.providersById.set(`${stack.name}\u0000${id}`, provider);
          push(this.providersByIssuer, issuerOfUrlText(url), provider);
          break;
        }
        case 'AWS::EKS::PodIdentityAssociation':
          this.addAssociation({
            ...place,
            location: 'Properties',
            clusterKey: clusterKey(),
            namespace: t.text(p.Namespace),
            serviceAccount: t.text(p.ServiceAccount),
            roleArn: t.text(p.RoleArn),
            targetRoleArn: p.TargetRoleArn === undefined ? undefined : t.text(p.TargetRoleArn),
            disableSessionTags: isTrue(p.DisableSessionTags),
            hasSessionPolicy: p.Policy !== undefined && p.Policy !== null && p.Policy !== '',
            ...(p.Policy !== undefined && p.Policy !== null && p.Policy !== '' ? { sessionPolicy: t.text(p.Policy) } : {}),
          });
          break;
        case 'AWS::EKS::Addon': {
          const name = t.text(p.AddonName);
          const version = p.AddonVersion !== undefined ? { version: t.text(p.AddonVersion) } : {};
          const addon: AddonModel = { ...place, name, clusterKey: clusterKey(), ...version };
          this.addons.push(addon);
          push(this.addonsByClusterKey, addon.clusterKey, addon);
          this.addStackClusterKey(stack.name, addon.clusterKey);
          asList(p.PodIdentityAssociations).forEach((a, i) => this.addAssociation({
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
          this.addAccessEntry({
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
        case 'AWS::EKS::FargateProfile':
          this.addFargateProfile({
            ...place,
            clusterKey: clusterKey(),
            podExecutionRoleArn: t.text(p.PodExecutionRoleArn),
            selectors: asList(p.Selectors).map((s) => ({
              namespace: t.text(s?.Namespace),
              labels: Object.fromEntries(asList(s?.Labels).map((l) => [t.text(l?.Key), t.text(l?.Value)])),
            })),
          });
          break;
        case KUBERNETES_RESOURCE_TYPE:
          this.addServiceAccounts(asList(t.document(p.Manifest)), { ...place, source: `${KUBERNETES_RESOURCE_TYPE} ${id}` },
            clusterKey());
          break;
      }
    }
  }

  private addAssociation(association: AssociationModel): void {
    this.associations.push(association);
    push(this.associationsByClusterKey, association.clusterKey, association);
    push(this.associationsByServiceAccount, `${association.clusterKey}\u0000${association.serviceAccount}`, association);
    push(this.associationsByStackServiceAccount, `${association.stackName}\u0000${association.serviceAccount}`, association);
    this.addStackClusterKey(association.stackName, association.clusterKey);
  }

  private addAccessEntry(entry: AccessEntryModel): void {
    this.accessEntries.push(entry);
    push(this.accessEntriesByClusterKey, entry.clusterKey, entry);
    this.addStackClusterKey(entry.stackName, entry.clusterKey);
  }

  private addFargateProfile(profile: FargateProfileModel): void {
    this.fargateProfiles.push(profile);
    push(this.fargateProfilesByClusterKey, profile.clusterKey, profile);
  }

  private addStackClusterKey(stackName: string, key: string): void {
    const keys = this.clusterKeysByStack.get(stackName);
    if (keys) keys.add(key);
    else this.clusterKeysByStack.set(stackName, new Set([key]));
  }

  /** `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` resources, attached to roles by `Roles`. */
  private attachPolicies(stack: StackModel): void {
    for (const [id, resource] of Object.entries(stack.resources)) {
      const managed = resource?.Type === 'AWS::IAM::ManagedPolicy';
      if (!managed && resource?.Type !== 'AWS::IAM::Policy') continue;
      const document = parsePolicyDocument(stack.text.document(resource.Properties?.PolicyDocument));
      if (!document) continue;
      for (const roleRef of asList(resource.Properties?.Roles)) {
        const role = this.roleByArn(stack.text.text(roleRef), stack.name) as MutableRole | undefined;
        if (!role) continue;
        if (managed) {
          const arn = stack.text.text({ Ref: id });
          if (!role.managedPolicyArns.includes(arn)) role.managedPolicyArns.push(arn);
          role.managedPolicyDocuments.push(document);
          role.managedPolicyIds.push(id);
        } else {
          role.inlinePolicies.push(document);
        }
      }
    }
  }

  private readManifests(stack: StackModel, objects: any[]): void {
    if (objects.length === 0) return;
    // Manifest files hold one cluster's objects: the stack's cluster, when there is just one.
    let keys = new Set((this.clustersByStack.get(stack.name) ?? []).map((c) => c.key));
    if (keys.size === 0) keys = this.clusterKeysByStack.get(stack.name) ?? new Set();
    const clusterKey = keys.size === 1 ? [...keys][0] : undefined;
    this.addServiceAccounts(objects, { stackName: stack.name, source: `Kubernetes manifests of stack ${stack.name}` }, clusterKey);
  }

  private addServiceAccounts(objects: any[], where: Place & { source: string }, clusterKey: string | undefined): void {
    for (const object of objects) {
      if (object?.kind === 'List' && Array.isArray(object.items)) {
        this.addServiceAccounts(object.items, where, clusterKey);
      } else if (RBAC_KINDS.includes(object?.kind) && typeof object.metadata?.name === 'string') {
        this.rbacObjects.push(rbacObject(object, where, clusterKey));
      } else if (object?.kind === 'ServiceAccount' && typeof object.metadata?.name === 'string') {
        const roleArn = object.metadata.annotations?.[IRSA_ROLE_ARN_ANNOTATION];
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

const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];

function strings(value: any): string[] | undefined {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : undefined;
}

function rbacObject(object: any, where: Place & { source: string }, clusterKey: string | undefined): RbacObjectModel {
  const namespaced = object.kind === 'Role' || object.kind === 'RoleBinding';
  return {
    ...where,
    clusterKey,
    kind: object.kind,
    name: object.metadata.name,
    ...(namespaced ? { namespace: typeof object.metadata.namespace === 'string' ? object.metadata.namespace : 'default' } : {}),
    rules: (Array.isArray(object.rules) ? object.rules : []).filter((r: any) => r && typeof r === 'object').map((r: any) => ({
      verbs: strings(r.verbs) ?? [],
      ...(strings(r.apiGroups) ? { apiGroups: strings(r.apiGroups) } : {}),
      ...(strings(r.resources) ? { resources: strings(r.resources) } : {}),
      ...(strings(r.nonResourceURLs) ? { nonResourceURLs: strings(r.nonResourceURLs) } : {}),
    })),
    ...(object.roleRef && typeof object.roleRef.name === 'string' ? { roleRef: { kind: String(object.roleRef.kind), name: object.roleRef.name } } : {}),
    subjects: (Array.isArray(object.subjects) ? object.subjects : []).filter((x: any) => x && typeof x.name === 'string')
      .map((x: any) => ({ kind: String(x.kind), name: x.name })),
  };
}

/** A resource's construct path: its `aws:cdk:path` metadata, else what the assembly says (`StackModel.constructPaths`). */
function constructPathOf(stack: StackModel, logicalId: string): string | undefined {
  const path = stack.resources[logicalId]?.Metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path : stack.constructPaths?.[logicalId];
}

/** A role for messages: its literal name or logical id, and its construct path. */
export function describeRole(role: RoleModel): string {
  const name = isKnown(role.roleName) ? role.roleName : role.logicalId;
  return role.constructPath ? `${name} (${role.constructPath})` : name;
}

/** The role's name when literal, else its logical id. */
export function roleLabel(role: RoleModel): string {
  return isKnown(role.roleName) ? role.roleName : role.logicalId;
}
