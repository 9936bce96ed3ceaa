import { thousands } from './report-summary';
import { PermissionReport, RoleReport } from './report-types';
import { CheckModel, referencedId, RoleModel, roleLabel } from '../checks/template-model';
import { accessPolicyNameOfArn } from '../core/access-entry-rules';
import { parseIamArn, roleNameOfArn } from '../core/arn';
import { isKnown } from '../core/deploy-time';
import { PolicyDocument } from '../core/template/policy-document';

/*
 * What a role may do, summarized from the template model: managed policies by name, and one line
 * per statement of its inline policies (and of customer managed policies defined in the templates).
 */

const MAX_LISTED = 6;

/** Up to `MAX_LISTED` items, then `(+N more)`. */
export function shortList(items: string[], max = MAX_LISTED): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} (+${thousands(items.length - max)} more)`;
}

/** The name of a managed policy ARN (`arn:...:policy/[path/]Name`, or a `Ref` to an `AWS::IAM::ManagedPolicy` of the stack). */
export function managedPolicyName(model: CheckModel, arn: string, stackName: string): string {
  const name = /:policy\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
  if (name !== undefined && isKnown(name)) return name;
  const id = referencedId(arn);
  const resource = id === undefined ? undefined : model.stack(stackName).resources[id];
  if (id !== undefined && resource?.Type === 'AWS::IAM::ManagedPolicy') {
    const literal = resource.Properties?.ManagedPolicyName;
    return typeof literal === 'string' ? literal : id;
  }
  return model.describe(arn, stackName);
}

/** The name of an EKS access policy ARN (`arn:...:cluster-access-policy/Name`); the ARN in words when it names none. */
export function accessPolicyName(model: CheckModel, arn: string, stackName: string): string {
  const name = accessPolicyNameOfArn(arn);
  return isKnown(name) ? name : model.describe(arn, stackName);
}

/** A principal ARN for reading: `role <name>` for a role of the templates or an ARN, else the ARN. */
export function principalName(model: CheckModel, arn: string, stackName: string): string {
  const role = model.roleByArn(arn, stackName);
  if (role) return `role ${roleLabel(role)}`;
  const parsed = parseIamArn(arn);
  if (parsed && parsed.name !== '' && isKnown(parsed.name)) return `${parsed.resourceType} ${parsed.name}`;
  return model.describe(arn, stackName);
}

/** Values a condition compares with, in words: `a or b`; more than `max` as `a or b or c (+N more)`. */
function conditionValues(values: string[], max = Infinity): string {
  return values.length <= max ? values.join(' or ') : `${values.slice(0, max).join(' or ')} (+${thousands(values.length - max)} more)`;
}

/**
 * The statements of a document with `Resource`/`NotResource`, in the order `parsePolicyDocument`
 * keeps them; deploy-time values in words. A condition reads `<operator> <key> = <value> or
 * <value>`; the summary ends with `when <condition> and <condition>`.
 */
function documentStatements(model: CheckModel, document: PolicyDocument, source: string, stackName: string): PermissionReport[] {
  const words = (text: string) => model.describe(text, stackName);
  return document.statements.map((statement): PermissionReport => {
    const notResource = statement.notResource;
    const resources = statement.resources.map(words);
    const conditions = statement.conditions.map((c) => ({ condition: `${c.operator} ${words(c.key)}`, values: c.values.map(words) }));
    const actions = statement.notAction ? `all actions except ${shortList(statement.actions)}` : shortList(statement.actions);
    const on = resources.length === 0 ? '' : notResource ? ` on all resources except ${shortList(resources, 3)}` : ` on ${shortList(resources, 3)}`;
    const when = statement.opaqueConditions ? ' when conditions only known at deploy time hold'
      : conditions.length > 0 ? ` when ${conditions.map((c) => `${c.condition} = ${conditionValues(c.values, 3)}`).join(' and ')}` : '';
    return {
      effect: statement.effect,
      actions: statement.actions,
      notAction: statement.notAction,
      resources,
      notResource,
      conditional: conditions.length > 0 || statement.opaqueConditions,
      conditions: statement.opaqueConditions ? ['conditions only known at deploy time'] : conditions.map((c) => `${c.condition} = ${conditionValues(c.values)}`),
      source,
      summary: `${statement.effect} ${actions}${on}${when}`,
    };
  });
}

/** The report of a role of the templates. */
export function roleReport(model: CheckModel, role: RoleModel): RoleReport {
  const managedNames = role.managedPolicyArns.map((arn) => managedPolicyName(model, arn, role.stackName));
  return {
    id: roleId(role),
    name: roleLabel(role),
    inTemplates: true,
    stackName: role.stackName,
    logicalId: role.logicalId,
    ...(role.constructPath !== undefined ? { constructPath: role.constructPath } : {}),
    managedPolicies: managedNames,
    statements: [
      ...role.inlinePolicies.flatMap((d) => documentStatements(model, d, 'inline', role.stackName)),
      ...role.managedPolicyDocuments.flatMap((d, i) =>
        documentStatements(model, d, customerManagedName(model, role, i), role.stackName)),
    ],
  };
}

/** The name of the i-th customer managed policy document of a role. */
function customerManagedName(model: CheckModel, role: RoleModel, index: number): string {
  const id = role.managedPolicyIds[index];
  return id === undefined ? 'managed policy' : managedPolicyName(model, `\${Ref:${id}}`, role.stackName);
}

/** The report of a role that is not in the templates, known by its ARN (as written in a stack). */
export function externalRoleReport(model: CheckModel, arn: string, stackName: string): RoleReport {
  const described = model.describe(arn, stackName);
  const name = roleNameOfArn(arn);
  return { id: described, name: isKnown(name) ? name : described, inTemplates: false, managedPolicies: [], statements: [] };
}

/** `<stack>/<logicalId>`. */
export function roleId(role: RoleModel): string {
  return `${role.stackName}/${role.logicalId}`;
}
