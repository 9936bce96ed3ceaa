import * as fs from 'fs';
import * as path from 'path';
import { Aspects, attachCustomSynthesis, IAspect, Names, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as cdk8s from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { KubernetesObjectsDelivery } from './kubernetes-objects-delivery';
import { findUnresolvedValues } from './private/unresolved-values';
import { identityErrorMessage, throwIdentityError } from '../core/errors';
import { IRSA_ROLE_ARN_ANNOTATION } from '../core/irsa';
import { BUILT_IN_NAMESPACES, KUBERNETES_FILE_CLUSTER_HEADER, MANAGED_BY_LABEL } from '../core/kubernetes-vocabulary';
import { TemplateText } from '../core/template/template-text';
import { rememberWrittenKubernetesFile } from '../core/written-kubernetes-files';
import { literalClusterNameIn } from '../private/cluster-literals';

/**
 * Properties of {@link ClusterKubernetesObjects}.
 */
export interface ClusterKubernetesObjectsProps {
  /**
   * How the objects reach the cluster.
   * @default KubernetesObjectsDelivery.FILES
   */
  readonly delivery?: KubernetesObjectsDelivery;

  /**
   * The aws-eks-v2 cluster whose kubectl provider applies the chart, for `KUBECTL` delivery.
   * @default - none; required for `KUBECTL` delivery
   */
  readonly kubectlCluster?: eks.ICluster;

  /**
   * The name of the cluster the objects are for. With `FILES` delivery the file's first line names
   * it (`# cdk-eks-identity cluster: <name>`), so the rule pack, the report and the test helpers
   * attribute the objects to that cluster.
   * @default - the file names no cluster (readers attribute it to the stack's only cluster)
   */
  readonly clusterName?: string;
}

/**
 * The Kubernetes objects of one cluster: one cdk8s chart holding the service accounts, namespaces
 * and RBAC objects that the library (and the user) add for that cluster.
 *
 * With `FILES` delivery the chart is written at `cdk synth` into the cloud assembly as
 * `<manifestFileName>`, every CDK token resolved; a value that cannot resolve fails the synth with
 * the object, the field and what to set. With `KUBECTL` delivery the chart is applied with
 * aws-eks-v2 `addCdk8sChart`.
 *
 * @example
 * // Every cluster has one (cluster.kubernetesObjects); your own objects go into its chart and
 * // are delivered with the service accounts.
 * cluster.kubernetesObjects.ensureNamespace('jobs');
 * new cdk8s.ApiObject(cluster.kubernetesObjects.chart, 'job-config', {
 *   apiVersion: 'v1',
 *   kind: 'ConfigMap',
 *   metadata: { name: 'job-config', namespace: 'jobs' },
 *   data: { LOG_LEVEL: 'info' },
 * });
 */
export class ClusterKubernetesObjects extends Construct {
  /**
   * The cdk8s chart. Add your own objects to it (test pods, jobs): they are delivered with the
   * service accounts.
   */
  public readonly chart: cdk8s.Chart;

  /** How the objects reach the cluster. */
  public readonly delivery: KubernetesObjectsDelivery;

  /**
   * File name of the YAML written into the cloud assembly (`FILES` delivery).
   */
  public readonly manifestFileName: string;

  private readonly namespaces = new Set<string>();
  /** The objects the last validation rendered, for the synthesis that follows it. */
  private validatedManifests?: any[];

  constructor(scope: Construct, id: string, props: ClusterKubernetesObjectsProps = {}) {
    super(scope, id);
    this.delivery = props.delivery ?? KubernetesObjectsDelivery.FILES;
    const stack = Stack.of(this);
    const pathInStack = scope.node.scopes.slice(scope.node.scopes.indexOf(stack) + 1).map((c) => c.node.id).join('-');
    const qualifier = pathInStack.replace(/[^A-Za-z0-9_-]/g, '_');
    this.manifestFileName = `${stack.artifactId}.${qualifier}.k8s.yaml`;
    this.chart = new cdk8s.Chart(new cdk8s.App(), qualifier, { disableResourceNameHashes: true });

    if (this.delivery === KubernetesObjectsDelivery.KUBECTL) {
      const cluster = props.kubectlCluster;
      if (!cluster || !cluster.kubectlProvider) {
        throwIdentityError(this, 'KUBECTL delivery needs a cluster with a kubectl provider',
          'set kubectlProviderOptions on the cluster (or kubectlProvider when importing it), or use KubernetesObjectsDelivery.FILES');
      }
      Aspects.of(this).add(new ApplyChartWithKubectl(this, cluster));
    } else {
      this.node.addValidation({ validate: () => this.validateResolvable() });
      attachCustomSynthesis(this, {
        onSynthesize: (session) => {
          // Rendered once per synth: the objects the validation just checked (nothing changes the
          // tree between validation and synthesis), else now (an app synthesized without validation).
          const docs = this.validatedManifests ?? this.renderManifests();
          this.validatedManifests = undefined;
          if (docs.length === 0) return;
          const cluster = this.clusterKey(props.clusterName);
          const header = cluster === undefined ? '' : `${KUBERNETES_FILE_CLUSTER_HEADER}${cluster}\n`;
          const file = path.join(session.outdir, this.manifestFileName);
          const text = header + cdk8s.Yaml.stringify(...docs);
          fs.writeFileSync(file, text);
          rememberWrittenKubernetesFile(file, text, docs);
        },
      });
    }
  }

  /**
   * Adds a Namespace object, once per name. Built-in namespaces (`default`, `kube-system`,
   * `kube-public`, `kube-node-lease`) are never emitted.
   */
  public ensureNamespace(name: string): void {
    if (BUILT_IN_NAMESPACES.has(name) || this.namespaces.has(name)) return;
    this.namespaces.add(name);
    new cdk8s.ApiObject(this.chart, `namespace-${name}`, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { ...MANAGED_BY_LABEL } },
    });
  }

  /**
   * The chart's objects with every CDK token resolved against the stack (values that are not
   * known at synth stay CloudFormation intrinsics).
   */
  public renderManifests(): any[] {
    return Stack.of(this).resolve(this.chart.toJson());
  }

  /** How readers of the templates key the cluster: its literal name, or `<stack name>/<logical id>` of its resource. */
  private clusterKey(clusterName: string | undefined): string | undefined {
    if (clusterName === undefined) return undefined;
    const stack = Stack.of(this);
    const literal = literalClusterNameIn(stack, clusterName);
    if (literal !== undefined) return literal;
    const ref = (stack.resolve(clusterName) as { Ref?: unknown } | undefined)?.Ref;
    return typeof ref === 'string' ? `${stack.stackName}/${ref}` : undefined;
  }

  private validateResolvable(): string[] {
    const errors: string[] = [];
    const text = new TemplateText({});
    this.validatedManifests = this.renderManifests();
    for (const doc of this.validatedManifests) {
      const namespace = doc.metadata?.namespace === undefined ? '' : `${text.text(doc.metadata.namespace)}/`;
      const object = `${doc.kind}/${namespace}${text.text(doc.metadata?.name)}`;
      for (const found of findUnresolvedValues(doc)) {
        errors.push(identityErrorMessage(this,
          `the Kubernetes object ${object} field ${found.path} is not known at synth (${found.summary}), so it cannot be written to ${this.manifestFileName}`,
          fixFor(found.path)));
      }
    }
    return errors;
  }
}

/** What to set so that a field of an object is known at synth. */
function fixFor(field: string): string {
  if (/^metadata\.(name|namespace)$/.test(field)) {
    return 'give the namespace and name as literal strings (Kubernetes objects written to files need their names at synth), or use KubernetesObjectsDelivery.KUBECTL';
  }
  if (field.startsWith(`metadata.annotations.${IRSA_ROLE_ARN_ANNOTATION}`)) {
    return 'give the stack a concrete account and region (env: { account, region }) and the IAM role a name (roleName), or use KubernetesObjectsDelivery.KUBECTL';
  }
  return 'give the value as a literal, or use KubernetesObjectsDelivery.KUBECTL';
}

/** Adds the chart to the cluster's kubectl provider once every identity has been added. */
class ApplyChartWithKubectl implements IAspect {
  private applied = false;
  constructor(private readonly objects: ClusterKubernetesObjects, private readonly cluster: eks.ICluster) {}

  public visit(node: IConstruct): void {
    if (node !== this.objects || this.applied) return;
    this.applied = true;
    if (this.objects.chart.toJson().length === 0) return;
    this.cluster.addCdk8sChart(`IdentityObjects${Names.uniqueId(this.objects)}`, this.objects.chart);
  }
}
