import { CheckInput } from './check-types';
import { parsePolicyDocument } from '../core/template/policy-document';
import { TemplateText } from '../core/template/template-text';

/*
 * Resources of a template that the rule pack cannot read, so that no rule judges them: a resource
 * that is not an object, `Properties` that are not an object, a role trust policy that is not a
 * policy document. CloudFormation rejects all of them at deploy; the CLI says so instead of
 * reporting "no findings" for them.
 */

/** A resource no rule can judge. */
export interface UnreadableResource {
  /** The template file (or `<stack>.template.json` when the input came from no file). */
  readonly file: string;
  readonly stackName: string;
  readonly logicalId: string;
  readonly problem: string;
  readonly fix: string;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

function isObject(value: unknown): value is { [key: string]: any } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const RESYNTH = 'run cdk synth again if cdk wrote the template; otherwise correct it (CloudFormation rejects it too)';

/** Why one resource cannot be read, if it cannot. */
function unreadable(resource: unknown, resources: { [id: string]: any }): { problem: string; fix: string } | undefined {
  if (!isObject(resource)) return { problem: `is ${kindOf(resource)}, not a resource (an object with Type and Properties)`, fix: RESYNTH };
  const properties = resource.Properties;
  if (properties !== undefined && !isObject(properties)) {
    return { problem: `has Properties that are ${kindOf(properties)}, not an object`, fix: RESYNTH };
  }
  if (resource.Type === 'AWS::IAM::Role' && properties?.AssumeRolePolicyDocument !== undefined) {
    const document = new TemplateText(resources).document(properties.AssumeRolePolicyDocument);
    if (parsePolicyDocument(document) === undefined) {
      return {
        problem: `has an AssumeRolePolicyDocument that is ${document === undefined ? 'not valid JSON' : `${kindOf(document)}, not a policy document`}, so no trust rule can judge it`,
        fix: 'write the trust policy as a JSON object with a Statement list (or a string of one, e.g. Fn::Join or Fn::Sub); ' + RESYNTH,
      };
    }
  }
  return undefined;
}

/** The resources of the inputs that no rule can judge. */
export function unreadableResources(inputs: CheckInput[]): UnreadableResource[] {
  return inputs.flatMap((input) => {
    const resources = input.template?.Resources;
    if (!isObject(resources)) return [];
    const file = input.templatePath ?? `${input.stackName}.template.json`;
    return Object.entries(resources).flatMap(([logicalId, resource]) => {
      const found = unreadable(resource, resources);
      return found ? [{ file, stackName: input.stackName, logicalId, ...found }] : [];
    });
  });
}

/** One unreadable resource as a warning line: `warning: <file>: resource <id> <problem>. Fix: <fix>`. */
export function formatUnreadableResource(resource: UnreadableResource): string {
  return `warning: ${resource.file}: resource ${resource.logicalId} ${resource.problem}; no rule checks it. Fix: ${resource.fix}`;
}
