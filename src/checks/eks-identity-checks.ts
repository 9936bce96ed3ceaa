import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { readAssembly, readTemplateFiles } from './assembly';
import { CheckFinding, CheckInput, CheckLevel, CheckRuleInfo, CheckSuppression } from './check-types';
import { Rule } from './rule';
import { ALL_RULES } from './rules';
import { CheckModel } from './template-model';

/**
 * Properties of {@link EksIdentityChecks}.
 */
export interface EksIdentityChecksProps {
  /**
   * Rules to turn off, each with the reason.
   *
   * @default - every rule runs
   */
  readonly suppressions?: CheckSuppression[];
}

/**
 * The EKS identity rule pack: checks synthesized CloudFormation templates (made with this library,
 * aws-cdk-lib `aws-eks-v2`, EKS Blueprints or by hand) and the Kubernetes objects next to them for
 * IRSA and EKS Pod Identity trust scoping, access entry rules and IAM quotas.
 *
 * Use it as a CDK policy validation plugin, so `cdk synth` fails on error-level findings:
 *
 * ```ts
 * Validations.of(app).addPlugins(new EksIdentityChecks());
 * ```
 *
 * or call `run(inputs)` / `checkAssembly('cdk.out')` directly, e.g. from jest or the
 * `cdk-eks-identity check` command.
 *
 * @example
 * // At synth, with one rule turned off for a reason (kept in the validation report).
 * Validations.of(app).addPlugins(new EksIdentityChecks({
 *   suppressions: [{ ruleId: 'EKSID-SA-002', reason: 'payments/ledger is mid-way through its IRSA to pod identity migration' }],
 * }));
 *
 * // After synth, e.g. in a jest test or CI.
 * const errors: CheckFinding[] = [];
 * for (const finding of new EksIdentityChecks().checkAssembly('cdk.out')) {
 *   if (finding.level === CheckLevel.ERROR) errors.push(finding);
 * }
 */
export class EksIdentityChecks implements IPolicyValidationPlugin {
  /**
   * Runs every rule over templates and returns the findings.
   */
  public static checkTemplates(inputs: CheckInput[]): CheckFinding[] {
    return new EksIdentityChecks().run(inputs);
  }

  /** Plugin name shown in the validation report. */
  public readonly name = 'cdk-eks-identity';

  /**
   * The ids of the rules of the pack.
   * @default - every rule of the pack (always set; optional only because `IPolicyValidationPlugin` declares it so)
   */
  public readonly ruleIds?: string[] = ALL_RULES.map((r) => r.id);

  private readonly suppressed = new Map<string, string>();

  constructor(props: EksIdentityChecksProps = {}) {
    for (const s of props.suppressions ?? []) this.suppress(s.ruleId, s.reason);
  }

  /** What each rule checks. */
  public get rules(): CheckRuleInfo[] {
    return ALL_RULES.map((r) => ({ id: r.id, statement: r.statement, level: r.level, fix: r.fix }));
  }

  /** The suppressions in force. */
  public get suppressions(): CheckSuppression[] {
    return [...this.suppressed].map(([ruleId, reason]) => ({ ruleId, reason }));
  }

  /**
   * Turns a rule off. The reason is required: it documents why the rule does not apply.
   *
   * @param ruleId the rule, e.g. `EKSID-POD-007`
   * @param reason why the rule does not apply here
   */
  public suppress(ruleId: string, reason: string): void {
    if (!ALL_RULES.some((r) => r.id === ruleId)) {
      throw new Error(`cannot suppress ${ruleId}: no such rule (rules: ${ALL_RULES.map((r) => r.id).join(', ')})`);
    }
    if (reason.trim() === '') throw new Error(`cannot suppress ${ruleId} without a reason: say why the rule does not apply`);
    this.suppressed.set(ruleId, reason.trim());
  }

  /**
   * Checks templates and returns the findings of the rules that are not suppressed.
   */
  public run(inputs: CheckInput[]): CheckFinding[] {
    return this._runModel(CheckModel.build(inputs));
  }

  /**
   * Runs the rules over a model already built (the report and the test helpers share theirs).
   * @internal
   */
  public _runModel(model: CheckModel): CheckFinding[] {
    return ALL_RULES.filter((rule) => !this.suppressed.has(rule.id)).flatMap((rule) => findingsOf(rule, model));
  }

  /**
   * Checks every stack of a cloud assembly directory (`cdk.out`): the templates listed in its
   * `manifest.json` (nested assemblies included) and the `*.k8s.yaml` files next to them. Throws,
   * naming the file, when the assembly cannot be read or its manifest names a file outside it.
   *
   * @param directory the cloud assembly directory
   */
  public checkAssembly(directory: string): CheckFinding[] {
    return this.run(readAssembly(directory));
  }

  /**
   * Policy validation entry point, called by the CDK at synth.
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const inputs = readTemplateFiles(context.templatePaths);
    const templatePaths = new Map(inputs.map((input) => [input.stackName, input.templatePath!]));
    const findings = this.run(inputs);
    const violations = findings.map((f): PolicyViolation => ({
      ruleName: f.ruleId,
      description: f.message,
      fix: f.fix,
      severity: f.level,
      violatingResources: [{
        templatePath: templatePaths.get(f.stackName),
        resourceLogicalId: f.logicalId,
        constructPath: f.constructPath,
        locations: f.location ? [f.location] : [],
      }],
    }));
    return {
      success: !findings.some((f) => f.level === CheckLevel.ERROR),
      violations,
      ...(this.suppressed.size > 0 ? { metadata: Object.fromEntries(this.suppressed) } : {}),
    };
  }
}

/** The findings of a rule, with every deploy-time value they quote in words (`CheckModel.describe`), never a placeholder. */
function findingsOf(rule: Rule, model: CheckModel): CheckFinding[] {
  return rule.check(model).map((f) => ({
    ruleId: rule.id,
    level: rule.level,
    message: model.describe(f.message, f.stackName),
    fix: model.describe(f.fix, f.stackName),
    stackName: f.stackName,
    ...(f.logicalId !== undefined ? { logicalId: f.logicalId } : {}),
    ...(f.constructPath !== undefined ? { constructPath: f.constructPath } : {}),
    ...(f.location !== undefined ? { location: f.location } : {}),
  }));
}
