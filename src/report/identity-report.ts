import * as fs from 'fs';
import * as path from 'path';
import { buildIdentityReport } from './identity-graph';
import { renderMarkdown } from './render-markdown';
import { renderMermaid } from './render-mermaid';
import { DEFAULT_SUMMARIZE_ABOVE } from './report-summary';
import { ClusterReport, IdentityReportDocument, IdentityReportOptions } from './report-types';
import { readAssembly } from '../checks/assembly';
import { CheckFinding, CheckInput } from '../checks/check-types';
import { EksIdentityChecks } from '../checks/eks-identity-checks';
import { CheckModel } from '../checks/template-model';

/** File name of the Markdown report that `writeFiles` writes. */
const MARKDOWN_FILE = 'identity-report.md';
/** File name of the JSON report that `writeFiles` writes. */
const JSON_FILE = 'identity-report.json';

/**
 * Who can do what, read from synthesized templates: for every cluster, which Kubernetes service
 * account can assume which IAM role by which mode (IRSA trust statements and `role-arn`
 * annotations; EKS Pod Identity associations, add-on associations and cross-account target roles),
 * how tightly each trust is scoped, what the roles may do, which IAM principals get which access
 * policies, Kubernetes groups and username through access entries (the principal that creates a
 * cluster too, whose access entry EKS makes unless `BootstrapClusterCreatorAdminPermissions` is
 * false, though no template shows it: `ClusterReport.creatorAdmin`), and the findings of the
 * `EksIdentityChecks` rule pack over the same templates.
 *
 * Works on templates made with this library, aws-cdk-lib `aws-eks-v2` or by hand. Values only
 * known at deploy time are described, never printed as tokens: `role testuser (App/TestUser/Resource)`
 * for the ARN of a role of the templates, `{the ARN of Bucket (App/Bucket/Resource)}/*` inside a
 * longer value (the JSON keeps literal ARNs as they are, and `AccessEntryReport.principalReference`
 * names the resource a principal ARN refers to). For a large assembly the
 * Markdown and the diagram count service accounts by namespace and kind of trust (see
 * `IdentityReportOptions.summarizeAbove`); the JSON lists everything.
 *
 * @example
 * const report = IdentityReport.fromAssembly('cdk.out');
 * report.writeFiles('cdk.out'); // identity-report.md and identity-report.json
 */
export class IdentityReport {
  /**
   * The report of every stack of a cloud assembly directory (`cdk.out`), with the Kubernetes YAML
   * written next to the templates.
   *
   * @param directory the cloud assembly directory
   * @param options rule suppressions and when to summarize
   */
  public static fromAssembly(directory: string, options: IdentityReportOptions = {}): IdentityReport {
    return new IdentityReport(readAssembly(directory), options);
  }

  /**
   * The report of templates (for example `Template.fromStack(stack).toJSON()`) and their Kubernetes objects.
   *
   * @param inputs the templates
   * @param options rule suppressions and when to summarize
   */
  public static fromTemplates(inputs: CheckInput[], options: IdentityReportOptions = {}): IdentityReport {
    return new IdentityReport(inputs, options);
  }

  /** Every cluster: those defined in the templates first, then clusters made elsewhere that the templates refer to. */
  public readonly clusters: ClusterReport[];

  /** Every finding of the rule pack (also listed under their clusters). */
  public readonly findings: CheckFinding[];

  /** Findings that belong to no single cluster. */
  public readonly otherFindings: CheckFinding[];

  /** The stacks the report was made from. */
  public readonly stackNames: string[];

  /** Lists of a cluster longer than this are summarized in the Markdown and the diagram (see `IdentityReportOptions.summarizeAbove`). */
  public readonly summarizeAbove: number;

  private constructor(inputs: CheckInput[], options: IdentityReportOptions) {
    const summarizeAbove = options.summarizeAbove ?? DEFAULT_SUMMARIZE_ABOVE;
    if (!Number.isInteger(summarizeAbove) || summarizeAbove < 0) {
      throw new Error(`summarizeAbove must be a whole number of at least 0, not ${summarizeAbove}`);
    }
    this.summarizeAbove = summarizeAbove;
    const model = CheckModel.build(inputs);
    this.findings = new EksIdentityChecks({ suppressions: options.suppressions })._runModel(model);
    const document = buildIdentityReport(inputs, model, this.findings);
    this.clusters = document.clusters;
    this.otherFindings = document.otherFindings;
    this.stackNames = document.stackNames;
  }

  /** The report as data. */
  public get document(): IdentityReportDocument {
    return { stackNames: this.stackNames, clusters: this.clusters, otherFindings: this.otherFindings };
  }

  /**
   * The report as Markdown, with a Mermaid diagram per cluster. Lists longer than
   * `summarizeAbove` are summarized.
   */
  public toMarkdown(): string {
    return renderMarkdown(this.document, this.summarizeAbove);
  }

  /**
   * The Mermaid flowchart of every cluster (`flowchart LR`): IAM principals → cluster →
   * namespaces → service accounts → roles → AWS permissions. A cluster with more service
   * accounts (or access entries) than `summarizeAbove` is drawn by namespace and kind of trust,
   * with counts.
   */
  public toMermaid(): string {
    return renderMermaid(this.clusters, this.summarizeAbove);
  }

  /** The report as indented JSON (an `IdentityReportDocument`). */
  public toJson(): string {
    return JSON.stringify(this.document, undefined, 2) + '\n';
  }

  /**
   * Writes `identity-report.md` and `identity-report.json` into a directory (e.g. the cloud
   * assembly the report was made from) and returns their paths.
   *
   * @param directory where to write the files
   */
  public writeFiles(directory: string): string[] {
    const markdown = path.join(directory, MARKDOWN_FILE);
    const json = path.join(directory, JSON_FILE);
    fs.writeFileSync(markdown, this.toMarkdown());
    fs.writeFileSync(json, this.toJson());
    return [markdown, json];
  }
}
