import { CfnElement, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';

/** The logical id of a construct's CloudFormation resource (its default child for an L2). */
export function logicalIdOf(construct: IConstruct): string {
  const element = (construct instanceof CfnElement ? construct : construct.node.defaultChild) as CfnElement | undefined;
  if (!element) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(element).getLogicalId(element);
}

/** The synthesized resource of a construct: `{ Type, Properties, DependsOn, ... }`. */
export function resourceOf(template: Template, construct: IConstruct): any {
  const id = logicalIdOf(construct);
  const resource = template.toJSON().Resources?.[id];
  if (!resource) throw new Error(`resource ${id} of ${construct.node.path} is not in the template`);
  return resource;
}

/** Logical id → resource type of every resource in a template. */
export function resourceTypes(template: Template): { [logicalId: string]: string } {
  const out: { [logicalId: string]: string } = {};
  for (const [id, resource] of Object.entries<any>(template.toJSON().Resources ?? {})) out[id] = resource.Type;
  return out;
}

/** The number of resources in a template. */
export function resourceCount(template: Template): number {
  return Object.keys(template.toJSON().Resources ?? {}).length;
}

/** The number of resources per type, sorted by type. */
export function countByType(template: Template): { [type: string]: number } {
  const counts: { [type: string]: number } = {};
  for (const type of Object.values(resourceTypes(template)).sort()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/**
 * Resources that run code or hide resources: Lambda functions, custom resources and nested
 * stacks. The identity path must have none.
 */
export function codeResources(template: Template): { [logicalId: string]: string } {
  const out: { [logicalId: string]: string } = {};
  for (const [id, type] of Object.entries(resourceTypes(template))) {
    if (type === 'AWS::Lambda::Function' || type === 'AWS::Serverless::Function' || type === 'AWS::CloudFormation::CustomResource'
      || type.startsWith('Custom::') || type === 'AWS::CloudFormation::Stack') {
      out[id] = type;
    }
  }
  return out;
}

/**
 * The CloudFormation resources a stack will hold, counted on the construct tree (no synthesis:
 * works for stacks whose synthesis is expected to fail).
 */
export function cfnResourceCount(stack: Stack): number {
  return stack.node.findAll().filter((c) => c instanceof CfnResource && Stack.of(c) === stack).length;
}
