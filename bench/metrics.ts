/**
 * What a synthesized cloud assembly costs: resources, code-running resources, template bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

/** One stack of the assembly. */
export interface StackMetrics {
  readonly stackName: string;
  readonly resources: number;
  readonly templateBytes: number;
}

/** The size of a cloud assembly. */
export interface AssemblyMetrics {
  /** CloudFormation resources in all stacks. */
  readonly resources: number;
  /** The most resources in one stack (CloudFormation allows 500). */
  readonly maxStackResources: number;
  /** `AWS::Lambda::Function` and `AWS::Serverless::Function`. */
  readonly lambdaFunctions: number;
  /** `Custom::*` and `AWS::CloudFormation::CustomResource`. */
  readonly customResources: number;
  /** `AWS::CloudFormation::Stack`. */
  readonly nestedStacks: number;
  /** Bytes of every CloudFormation template file (top-level and nested), as written by synth. */
  readonly templateBytes: number;
  /** Bytes of the Kubernetes YAML files cdk-eks-identity writes next to the templates (0 for aws-eks-v2). */
  readonly kubernetesManifestBytes: number;
  readonly stacks: StackMetrics[];
  /** Resource count per type, over all stacks. */
  readonly resourcesByType: { [type: string]: number };
}

/** Whether a resource type runs code at deploy time as a Lambda function. */
export function isLambdaFunction(type: string): boolean {
  return type === 'AWS::Lambda::Function' || type === 'AWS::Serverless::Function';
}

/** Whether a resource type is a custom resource. */
export function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/** Measures a cloud assembly (its top-level stacks, their nested stack templates and the YAML files). */
export function measureAssembly(assembly: CloudAssembly): AssemblyMetrics {
  const resourcesByType: { [type: string]: number } = {};
  const stacks: StackMetrics[] = [];
  let templateBytes = 0;
  const countTemplate = (template: any) => {
    const resources = Object.values<any>(template.Resources ?? {});
    for (const resource of resources) resourcesByType[resource.Type] = (resourcesByType[resource.Type] ?? 0) + 1;
    return resources.length;
  };
  for (const stack of assembly.stacks) {
    const bytes = fs.statSync(stack.templateFullPath).size;
    templateBytes += bytes;
    stacks.push({ stackName: stack.stackName, resources: countTemplate(stack.template), templateBytes: bytes });
  }
  // Nested stack templates are separate files in the assembly (`*.nested.template.json`).
  for (const file of fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.nested.template.json'))) {
    const full = path.join(assembly.directory, file);
    templateBytes += fs.statSync(full).size;
    const resources = countTemplate(JSON.parse(fs.readFileSync(full, 'utf8')));
    stacks.push({ stackName: file, resources, templateBytes: fs.statSync(full).size });
  }
  const kubernetesManifestBytes = fs.readdirSync(assembly.directory)
    .filter((f) => f.endsWith('.k8s.yaml'))
    .reduce((sum, f) => sum + fs.statSync(path.join(assembly.directory, f)).size, 0);
  const sumOf = (predicate: (type: string) => boolean) => Object.entries(resourcesByType)
    .filter(([type]) => predicate(type))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    resources: sumOf(() => true),
    maxStackResources: Math.max(0, ...stacks.map((s) => s.resources)),
    lambdaFunctions: sumOf(isLambdaFunction),
    customResources: sumOf(isCustomResource),
    nestedStacks: sumOf((type) => type === 'AWS::CloudFormation::Stack'),
    templateBytes,
    kubernetesManifestBytes,
    stacks,
    resourcesByType: Object.fromEntries(Object.entries(resourcesByType).sort(([a], [b]) => a.localeCompare(b))),
  };
}
