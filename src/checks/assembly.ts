import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { CheckInput, ClusterKubernetesManifests } from './check-types';
import { KUBERNETES_FILE_CLUSTER_HEADER } from '../core/kubernetes-vocabulary';
import { writtenKubernetesObjects } from '../core/written-kubernetes-files';

/*
 * Reading templates and Kubernetes YAML from a cloud assembly directory (`cdk.out`). Everything
 * read is validated: the manifest must be an object, each template a JSON object with an object
 * `Resources`, and no file the manifest names (template or nested assembly) may lie outside the
 * assembly directory. A problem throws `AssemblyError` naming the file. Each manifest, template
 * and YAML file is read and parsed once; the inputs hold the one parsed copy of each template. A
 * YAML file this process wrote (see `core/written-kubernetes-files`) is not parsed again.
 *
 * The manifest format is the AWS CDK cloud assembly schema
 * (https://github.com/aws/aws-cdk-cli, packages/@aws-cdk/cloud-assembly-schema): `artifacts`
 * of type `aws:cloudformation:stack` name their `properties.templateFile`, those of type
 * `cdk:cloud-assembly` (stages) their `properties.directoryName`, both relative to the directory.
 */

const TEMPLATE_SUFFIX = '.template.json';
const KUBERNETES_SUFFIX = '.k8s.yaml';
const MANIFEST_FILE = 'manifest.json';
const STACK_ARTIFACT = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY_ARTIFACT = 'cdk:cloud-assembly';

/**
 * A cloud assembly (or a file of it) that cannot be read: missing, not valid JSON, not the shape
 * the cloud assembly schema and CloudFormation define, or outside the assembly directory.
 * `file` is the file at fault, as the caller named it.
 */
export class AssemblyError extends Error {
  /**
   * @param file the file at fault
   * @param message the whole message; it names the file
   */
  constructor(public readonly file: string, message: string) {
    super(message);
    this.name = 'AssemblyError';
  }
}

/** `<file>: <problem>`. */
function problemWith(file: string, problem: string): AssemblyError {
  return new AssemblyError(file, `${file}: ${problem}`);
}

/** What a JSON value is, for messages: `null`, `an array`, `a string`, ... */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

function isObject(value: unknown): value is { [key: string]: any } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw problemWith(file, code === 'ENOENT' ? `${what} does not exist` : `cannot read ${what} (${code ?? (e as Error).message})`);
  }
}

function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw problemWith(file, `${what} is not valid JSON (${(e as Error).message})`);
  }
}

/** Parses a template's text: a JSON object whose `Resources`, when present, is an object. */
function parseTemplate(text: string, file: string): any {
  const template = parseJson(text, file, 'the template');
  if (!isObject(template)) throw problemWith(file, `not a CloudFormation template: expected a JSON object, found ${kindOf(template)}`);
  if ('Resources' in template && !isObject(template.Resources)) {
    throw problemWith(file, `not a CloudFormation template: Resources must be an object of resources, found ${kindOf(template.Resources)}`);
  }
  return template;
}

/** Parses a multi-document YAML file into its objects; a syntax error throws naming the file. */
export function readKubernetesYaml(file: string): any[] {
  return parseKubernetesYaml(readText(file, 'the Kubernetes YAML file'), file);
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
    if (document.errors.length > 0) throw problemWith(file, `invalid YAML: ${document.errors[0].message}`);
    const object = document.toJS();
    return object === null || object === undefined ? [] : [object];
  });
}

/** The artifact id of a template file name (`<artifactId>.template.json`). */
function artifactIdOf(templateFile: string): string {
  const file = path.basename(templateFile);
  return file.endsWith(TEMPLATE_SUFFIX) ? file.slice(0, -TEMPLATE_SUFFIX.length) : file;
}

/** A stack artifact of a manifest: its template file and stack name. */
interface StackArtifact {
  readonly templateFile: string;
  readonly stackName: string;
}

/** The stack artifacts and nested assemblies a manifest lists (validated, paths as written). */
interface ManifestContents {
  readonly stacks: StackArtifact[];
  readonly nestedDirectories: Array<{ readonly artifactId: string; readonly directoryName: string }>;
}

function readManifest(manifestFile: string): ManifestContents {
  const manifest = parseJson(readText(manifestFile, 'the cloud assembly manifest'), manifestFile, 'the cloud assembly manifest');
  if (!isObject(manifest)) throw problemWith(manifestFile, `not a cloud assembly manifest: expected a JSON object, found ${kindOf(manifest)}`);
  const artifacts = manifest.artifacts ?? {};
  if (!isObject(artifacts)) throw problemWith(manifestFile, `not a cloud assembly manifest: artifacts must be an object, found ${kindOf(artifacts)}`);
  const contents: ManifestContents = { stacks: [], nestedDirectories: [] };
  for (const [id, artifact] of Object.entries<any>(artifacts)) {
    if (!isObject(artifact)) throw problemWith(manifestFile, `artifact ${id} must be an object, found ${kindOf(artifact)}`);
    if (artifact.type === STACK_ARTIFACT) {
      const templateFile = artifact.properties?.templateFile;
      if (typeof templateFile !== 'string' || templateFile === '') {
        throw problemWith(manifestFile, `stack artifact ${id} has no properties.templateFile (found ${kindOf(templateFile)})`);
      }
      const stackName = artifact.properties?.stackName;
      contents.stacks.push({ templateFile, stackName: typeof stackName === 'string' && stackName !== '' ? stackName : id });
    } else if (artifact.type === NESTED_ASSEMBLY_ARTIFACT) {
      const directoryName = artifact.properties?.directoryName;
      if (typeof directoryName !== 'string' || directoryName === '') {
        throw problemWith(manifestFile, `nested assembly artifact ${id} has no properties.directoryName (found ${kindOf(directoryName)})`);
      }
      contents.nestedDirectories.push({ artifactId: id, directoryName });
    }
  }
  return contents;
}

/** Whether `file` (resolved) is `root` or inside it. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Reads one cloud assembly directory tree: every file it opens is checked to be inside the root
 * directory, by name and after following symbolic links; each directory is listed once.
 */
class AssemblyReader {
  private readonly realRoot: string;
  private readonly visited = new Set<string>();
  private readonly listings = new Map<string, string[]>();

  constructor(private readonly root: string) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(root);
    } catch {
      stat = undefined;
    }
    if (!stat?.isDirectory()) throw new AssemblyError(root, `${root} is not a directory (run cdk synth first, or pass the cloud assembly directory)`);
    this.realRoot = fs.realpathSync(root);
  }

  public read(): CheckInput[] {
    return this.readDirectory(this.root);
  }

  private readDirectory(directory: string): CheckInput[] {
    const real = fs.realpathSync(directory);
    if (this.visited.has(real)) return [];
    this.visited.add(real);
    const manifestFile = path.join(directory, MANIFEST_FILE);
    if (!fs.existsSync(manifestFile)) {
      throw new AssemblyError(directory, `${directory} is not a cloud assembly: it has no ${MANIFEST_FILE} (run cdk synth first)`);
    }
    const manifest = readManifest(manifestFile);
    const inputs = manifest.stacks.map((stack) => {
      const templatePath = this.contained(manifestFile, directory, stack.templateFile, `template file of stack ${stack.stackName}`);
      return this.readStack(templatePath, stack.stackName);
    });
    for (const nested of manifest.nestedDirectories) {
      const nestedDirectory = this.contained(manifestFile, directory, nested.directoryName, `directory of nested assembly ${nested.artifactId}`);
      if (!fs.statSync(nestedDirectory).isDirectory()) {
        throw problemWith(nestedDirectory, `not a directory (named as nested assembly ${nested.artifactId} by ${manifestFile})`);
      }
      inputs.push(...this.readDirectory(nestedDirectory));
    }
    return inputs;
  }

  /** `relative` joined to `directory`, when it exists and lies inside the root; else an error naming it. */
  private contained(manifestFile: string, directory: string, relative: string, what: string): string {
    const file = path.join(directory, relative);
    if (path.isAbsolute(relative) || !isInside(path.resolve(this.root), path.resolve(file))) {
      throw problemWith(file, `${manifestFile} names it as the ${what}, but it is outside the cloud assembly directory ${this.root}; refusing to read it`);
    }
    if (!fs.existsSync(file)) throw problemWith(file, `${manifestFile} names it as the ${what}, but it does not exist`);
    this.assertRealPathInside(file, `${manifestFile} names it as the ${what}`);
    return file;
  }

  private assertRealPathInside(file: string, why: string): void {
    if (!isInside(this.realRoot, fs.realpathSync(file))) {
      throw problemWith(file, `${why}, but it links to ${fs.realpathSync(file)}, outside the cloud assembly directory ${this.root}; refusing to read it`);
    }
  }

  private readStack(templatePath: string, stackName: string): CheckInput {
    const template = parseTemplate(readText(templatePath, 'the template'), templatePath);
    const directory = path.dirname(templatePath);
    const yamlFiles = this.kubernetesFilesOf(directory, artifactIdOf(templatePath));
    for (const file of yamlFiles) this.assertRealPathInside(file, 'it is a Kubernetes YAML file of the assembly');
    return inputOf(templatePath, stackName, template, yamlFiles);
  }

  private kubernetesFilesOf(directory: string, artifactId: string): string[] {
    let names = this.listings.get(directory);
    if (!names) {
      names = fs.readdirSync(directory).filter((name) => name.endsWith(KUBERNETES_SUFFIX)).sort();
      this.listings.set(directory, names);
    }
    return names.filter((name) => name.startsWith(`${artifactId}.`)).map((name) => path.join(directory, name));
  }
}

/** The input of one stack: its parsed template and the Kubernetes YAML files written next to it. */
function inputOf(templatePath: string, stackName: string, template: any, yamlFiles: string[]): CheckInput {
  const manifests: any[] = [];
  const byCluster: ClusterKubernetesManifests[] = [];
  for (const file of yamlFiles) {
    const text = readText(file, 'the Kubernetes YAML file');
    // A file this process just wrote (e.g. read by the validation plugin at synth) is not parsed again.
    const written = writtenKubernetesObjects(file, text);
    const objects = written ? [...written] : parseKubernetesYaml(text, file);
    const cluster = clusterOfKubernetesYaml(text);
    if (cluster) byCluster.push({ cluster, manifests: objects });
    else manifests.push(...objects);
  }
  return {
    stackName,
    template,
    kubernetesManifests: manifests,
    ...(byCluster.length > 0 ? { clusterKubernetesManifests: byCluster } : {}),
    templatePath,
  };
}

function kubernetesFilesNextTo(templatePath: string): string[] {
  const directory = path.dirname(templatePath);
  const artifactId = artifactIdOf(templatePath);
  return fs.readdirSync(directory)
    .filter((name) => name.startsWith(`${artifactId}.`) && name.endsWith(KUBERNETES_SUFFIX)).sort()
    .map((name) => path.join(directory, name));
}

/** The stack names a directory's manifest gives its template files (file name → stack name). */
function stackNamesOf(directory: string): Map<string, string> {
  const manifestFile = path.join(directory, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) return new Map();
  return new Map(readManifest(manifestFile).stacks.map((s) => [path.normalize(s.templateFile), s.stackName]));
}

/**
 * Templates by path (e.g. the `templatePaths` CDK hands a policy validation plugin), each with the
 * Kubernetes YAML written next to it (`<artifactId>.<name>.k8s.yaml`). The stack name comes from
 * the directory's `manifest.json` when it lists the template (each directory's manifest is read
 * once), else from the file name.
 */
export function readTemplateFiles(templatePaths: string[]): CheckInput[] {
  const names = new Map<string, Map<string, string>>();
  return templatePaths.map((templatePath) => {
    const directory = path.dirname(templatePath);
    let byFile = names.get(directory);
    if (!byFile) {
      byFile = stackNamesOf(directory);
      names.set(directory, byFile);
    }
    const template = parseTemplate(readText(templatePath, 'the template'), templatePath);
    const stackName = byFile.get(path.basename(templatePath)) ?? artifactIdOf(templatePath);
    return inputOf(templatePath, stackName, template, kubernetesFilesNextTo(templatePath));
  });
}

/** One stack template and the Kubernetes YAML written next to it (see `readTemplateFiles`). */
export function readTemplateFile(templatePath: string): CheckInput {
  return readTemplateFiles([templatePath])[0];
}

/**
 * Every stack of a cloud assembly directory, nested assemblies (stages) included, in manifest
 * order. Throws `AssemblyError` naming the file when the directory, its manifest, a template or a
 * Kubernetes YAML file cannot be read, or when the manifest names a file outside the directory.
 */
export function readAssembly(directory: string): CheckInput[] {
  return new AssemblyReader(directory).read();
}
