import { compareSnapshots } from './compare-snapshots';
import { IdentityChange, IdentityDiffDocument } from './diff-types';
import { takeSnapshot } from './identity-snapshot';
import { renderDiffMarkdown } from './render-diff-markdown';
import { readAssembly } from '../checks/assembly';
import { CheckInput } from '../checks/check-types';

/**
 * Options of {@link IdentityDiff.ofTemplates}.
 */
export interface IdentityDiffOptions {
  /**
   * How the output names the templates before.
   * @default 'before'
   */
  readonly beforeLabel?: string;

  /**
   * How the output names the templates after.
   * @default 'after'
   */
  readonly afterLabel?: string;
}

/**
 * What changed between two sets of synthesized templates (say, the cloud assemblies of `main`
 * and of a pull request) in who can assume which IAM role, who can do what in each cluster, and
 * what the identity roles may do:
 *
 * - IRSA subjects (exact, pattern, any) and audiences per cluster or OIDC issuer; OIDC providers
 *   and their audiences; EKS Pod Identity trust scopes (cluster, namespace, service account) and
 *   associations (role, session tags, session policy); cross-account target roles and the AWS
 *   principals identity roles trust;
 * - access entries (principal, type, access policies and scopes, Kubernetes groups, username) and
 *   RBAC objects in the Kubernetes objects (Roles, ClusterRoles and their bindings);
 * - the statements and managed policies of identity roles.
 *
 * Trusts are read with the library's trust semantics, so trusts written as `Fn::Sub` or
 * `Fn::Join` strings (which `cdk diff` shows no IAM statement table for) are compared like literal
 * ones. Things are matched by stable identity (role name, else stack and logical id; principal
 * ARN; cluster name), never by position, so a named role whose construct moves keeps its access
 * entries and associations. Changes that broaden trust, add a wildcard or a cluster admin (also
 * through a Kubernetes group bound to `cluster-admin`) are flagged and come first.
 *
 * @example
 * // The assemblies of the base branch and of the pull request.
 * const diff = IdentityDiff.between('main.cdk.out', 'cdk.out');
 * const comment = diff.toMarkdown(); // broadened trust, new wildcards and cluster admins first
 * const needsReview = diff.broadened;
 */
export class IdentityDiff {
  /**
   * The diff between two cloud assembly directories (`cdk.out`), nested assemblies and the
   * Kubernetes YAML next to the templates included.
   *
   * @param beforeDirectory the cloud assembly before (e.g. of the base branch)
   * @param afterDirectory the cloud assembly after (e.g. of the pull request)
   */
  public static between(beforeDirectory: string, afterDirectory: string): IdentityDiff {
    const before = readAssembly(beforeDirectory);
    const after = readAssembly(afterDirectory);
    return new IdentityDiff(before, after, beforeDirectory, afterDirectory);
  }

  /**
   * The diff between two sets of templates (for example `Template.fromStack(stack).toJSON()`) and
   * their Kubernetes objects.
   *
   * @param before the templates before
   * @param after the templates after
   * @param options labels for the output
   */
  public static ofTemplates(before: CheckInput[], after: CheckInput[], options: IdentityDiffOptions = {}): IdentityDiff {
    return new IdentityDiff(before, after, options.beforeLabel ?? 'before', options.afterLabel ?? 'after');
  }

  /** Every change, in review order: flagged ones, other broadening ones, additions, other changes, removals. */
  public readonly changes: IdentityChange[];

  /** How the output names the templates before. */
  public readonly beforeLabel: string;

  /** How the output names the templates after. */
  public readonly afterLabel: string;

  private constructor(before: CheckInput[], after: CheckInput[], beforeLabel: string, afterLabel: string) {
    this.beforeLabel = beforeLabel;
    this.afterLabel = afterLabel;
    this.changes = compareSnapshots(takeSnapshot(before), takeSnapshot(after));
  }

  /** The changes that grant more than before (flagged or widening). */
  public get broadenings(): IdentityChange[] {
    return this.changes.filter((c) => c.broadening);
  }

  /** Whether some change grants more than before. */
  public get broadened(): boolean {
    return this.changes.some((c) => c.broadening);
  }

  /** The diff as data. */
  public get document(): IdentityDiffDocument {
    return { before: this.beforeLabel, after: this.afterLabel, broadened: this.broadened, changes: this.changes };
  }

  /** The diff as Markdown, for a pull request comment. */
  public toMarkdown(): string {
    return renderDiffMarkdown(this.document);
  }

  /** The diff as indented JSON (an `IdentityDiffDocument`). */
  public toJson(): string {
    return JSON.stringify(this.document, undefined, 2) + '\n';
  }
}
