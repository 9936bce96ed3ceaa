import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { CheckInput, ClusterKubernetesManifests } from './check-types';
import { KUBERNETES_FILE_CLUSTER_HEADER } from '../core/kubernetes-vocabulary';

/*
 * Reading templates and Kubernetes YAML from a cloud assembly directory (`cdk.out`).
 */

const TEMPLATE_SUFFIX = '.template.json';
const KUBERNETES_SUFFIX = '.k8s.yaml';

/** Parses a multi-document YAML file into its objects; a syntax error throws naming the file. */
export function readKubernetesYaml(file: string): any[] {
  return parseKubernetesYaml(fs.readFileSync(file, 'utf-8'), file);
}

/** The cluster a Kubernetes YAML text names in its first line, if it does. */
export function clusterOfKubernetesYaml(text: string): string | undefined {
  if (!text.startsWith(KUBERNETES_FILE_CLUSTER_HEADER)) return undefined;
  const end = text.indexOf('\n');
  return text.slice(KUBERNETES_FILE_CLUSTER_HEADER.length, end < 0 ? undefined : end).trim() || undefined;
}

function parseKubernetesYaml(text: string, file: string): any[] {
  const documents = YAML.parseAllDocuments(text);
  return documents.flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: invalid YAML: ${document.errors[0].message}`);
    const object = document.toJS();
    return object === null || object === undefined ? [] : [object];
  });
}

/**
 * One stack template and the Kubernetes YAML written next to it (`<artifactId>.<name>.k8s.yaml`).
 * The stack name comes from the directory's `manifest.json` when it lists the template.
 */
export function readTemplateFile(templatePath: string): CheckInput {
  const directory = path.dirname(templatePath);
  const file = path.basename(templatePath);
  const artifactId = file.endsWith(TEMPLATE_SUFFIX) ? file.slice(0, -TEMPLATE_SUFFIX.length) : file;
  const manifests: any[] = [];
  const byCluster: ClusterKubernetesManifests[] = [];
  for (const f of fs.readdirSync(directory).filter((name) => name.startsWith(`${artifactId}.`) && name.endsWith(KUBERNETES_SUFFIX)).sort()) {
    const text = fs.readFileSync(path.join(directory, f), 'utf-8');
    const objects = parseKubernetesYaml(text, path.join(directory, f));
    const cluster = clusterOfKubernetesYaml(text);
    if (cluster) byCluster.push({ cluster, manifests: objects });
    else manifests.push(...objects);
  }
  return {
    stackName: stackNameOf(directory, file) ?? artifactId,
    template: JSON.parse(fs.readFileSync(templatePath, 'utf-8')),
    kubernetesManifests: manifests,
    ...(byCluster.length > 0 ? { clusterKubernetesManifests: byCluster } : {}),
    templatePath,
  };
}

/** Every stack of a cloud assembly directory, nested assemblies (stages) included. */
export function readAssembly(directory: string): CheckInput[] {
  const manifestFile = path.join(directory, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${directory} is not a cloud assembly: it has no manifest.json (run cdk synth first)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
  return Object.values<any>(manifest.artifacts ?? {}).flatMap((artifact) => {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      return [readTemplateFile(path.join(directory, artifact.properties.templateFile))];
    }
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      return readAssembly(path.join(directory, artifact.properties.directoryName));
    }
    return [];
  });
}

function stackNameOf(directory: string, templateFile: string): string | undefined {
  const manifestFile = path.join(directory, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return undefined;
  const artifacts = JSON.parse(fs.readFileSync(manifestFile, 'utf-8')).artifacts ?? {};
  for (const [id, artifact] of Object.entries<any>(artifacts)) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile === templateFile) {
      return artifact.properties.stackName ?? id;
    }
  }
  return undefined;
}
