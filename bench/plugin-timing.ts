/**
 * The rule pack as a CDK validation plugin, with the CPU time of its `validate` call measured (the
 * call is synchronous, so `process.cpuUsage()` around it is the plugin's own work).
 */
import { App, IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Validations } from 'aws-cdk-lib';
import { EksIdentityChecks } from '../src';

/** `EksIdentityChecks` as a validation plugin that adds up the CPU time of its `validate` calls. */
export class TimedPlugin implements IPolicyValidationPlugin {
  /** CPU time (user + system) spent in `validate` so far (ms). */
  public cpuMs = 0;
  /** Findings of the last `validate`. */
  public violations = 0;
  private readonly checks = new EksIdentityChecks();
  public readonly name = this.checks.name;
  public readonly ruleIds = this.checks.ruleIds;

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const start = process.cpuUsage();
    try {
      const report = this.checks.validate(context);
      this.violations = report.violations.length;
      return report;
    } finally {
      const used = process.cpuUsage(start);
      this.cpuMs += (used.user + used.system) / 1000;
    }
  }
}

/** Registers the timed plugin on an app, as `Validations.of(app).addPlugins(new EksIdentityChecks())` would. */
export function addTimedPlugin(app: App): TimedPlugin {
  const plugin = new TimedPlugin();
  Validations.of(app).addPlugins(plugin);
  return plugin;
}
