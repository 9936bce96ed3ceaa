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
 * assembly directory. A problem throws `AssemblyError` naming the file and saying what to do
 * (`<file>: <problem>. Fix: <fix>`). Each manifest, template and YAML file is read and parsed
 * once; the inputs hold the one parsed copy of each template, with the stack's account and region
 * from the manifest's `environment` when they are concrete. For resources without `aws:cdk:path`
 * metadata (an app synthesized without path metadata), the construct paths come from the stack's
 * `aws:cdk:logicalId` metadata (in the manifest or its `additionalMetadataFile`), else from the
 * construct tree (`tree.json` and the files it is split into); these files are read only then,
 * and only when inside the assembly directory. A YAML file this process wrote (see
 * `core/written-kubernetes-files`) is not parsed again.
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
const TREE_ARTIFACT = 'cdk:tree';
/** Template metadata a CDK app writes only when path metadata is on (the CDK CLI turns it on). */
const PATH_METADATA = 'aws:cdk:path';
/** Stack artifact metadata CDK writes for every CloudFormation element: its logical id, under its construct path. */
const LOGICAL_ID_METADATA = 'aws:cdk:logicalId';
/** The attribute of a `tree.json` node that is a CloudFormation element: its logical id. */
const TREE_LOGICAL_ID = 'aws:cdk:cloudformation:logicalId';
const STACK_FQNS = ['aws-cdk-lib.Stack', 'aws-cdk-lib.NestedStack'];

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

/** How to fix an assembly that cdk synth wrote and something damaged. */
const RESYNTH = 'run cdk synth again to rewrite the cloud assembly (it was damaged or edited by hand)';
/** How to fix a manifest that names a file outside the assembly. */
const STAY_INSIDE = 'check only cloud assemblies that cdk synth wrote: it keeps every template and nested assembly inside the directory';

/** `<file>: <problem>. Fix: <fix>`. */
function problemWith(file: string, problem: string, fix: string): AssemblyError {
  return new AssemblyError(file, `${file}: ${problem}. Fix: ${fix}`);
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
    throw code === 'ENOENT'
      ? problemWith(file, `${what} does not exist`, RESYNTH)
      : problemWith(file, `cannot read ${what} (${code ?? (e as Error).message})`, 'make the file readable by the user running the command');
  }
}

function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw problemWith(file, `${what} is not valid JSON (${(e as Error).message})`, RESYNTH);
  }
}

/** Parses a template's text: a JSON object whose `Resources`, when present, is an object. */
function parseTemplate(text: string, file: string): any {
  const template = parseJson(text, file, 'the template');
  const fix = `${RESYNTH}; a template written by hand must be a JSON object whose Resources is an object of resources by logical id`;
  if (!isObject(template)) throw problemWith(file, `not a CloudFormation template: expected a JSON object, found ${kindOf(template)}`, fix);
  if ('Resources' in template && !isObject(template.Resources)) {
    throw problemWith(file, `not a CloudFormation template: Resources must be an object of resources, found ${kindOf(template.Resources)}`, fix);
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
    if (document.errors.length > 0) {
      throw problemWith(file, `invalid YAML: ${document.errors[0].message}`,
        'run cdk synth again to rewrite the Kubernetes YAML, or correct (or remove) the file if you put it there yourself');
    }
    const object = document.toJS();
    return object === null || object === undefined ? [] : [object];
  });
}

/** The artifact id of a template file name (`<artifactId>.template.json`). */
function artifactIdOf(templateFile: string): string {
  const file = path.basename(templateFile);
  return file.endsWith(TEMPLATE_SUFFIX) ? file.slice(0, -TEMPLATE_SUFFIX.length) : file;
}

/** A stack artifact of a manifest: its template file, stack name, concrete environment and where its construct paths are. */
interface StackArtifact {
  readonly templateFile: string;
  readonly stackName: string;
  readonly account?: string;
  readonly region?: string;
  /** The stack's construct path (`displayName`, e.g. `Prod/Apps`). */
  readonly constructPath?: string;
  /** Metadata entries by construct path, written in the manifest (older CDK versions). */
  readonly metadata?: { [constructPath: string]: unknown };
  /** The file of the metadata entries (`additionalMetadataFile`), relative to the manifest's directory. */
  readonly metadataFile?: string;
}

/**
 * The concrete account and region of an artifact's `environment` (`aws://<account>/<region>`;
 * `unknown-account` and `unknown-region` for an environment-agnostic stack).
 */
function environmentOf(environment: unknown): { account?: string; region?: string } {
  const match = typeof environment === 'string' ? /^aws:\/\/([^/]+)\/([^/]+)$/.exec(environment) : null;
  if (!match) return {};
  return {
    ...(/^\d{12}$/.test(match[1]) ? { account: match[1] } : {}),
    ...(/^[a-z]+(-[a-z]+)+-\d+$/.test(match[2]) ? { region: match[2] } : {}),
  };
}

/** The stack artifacts and nested assemblies a manifest lists (validated, paths as written), and its tree file. */
interface ManifestContents {
  readonly stacks: StackArtifact[];
  readonly nestedDirectories: Array<{ readonly artifactId: string; readonly directoryName: string }>;
  /** The construct tree (`tree.json`), relative to the manifest's directory. */
  readonly treeFile?: string;
}

/** The construct paths the `aws:cdk:logicalId` entries of stack metadata give, by logical id. */
function logicalIdPaths(metadata: unknown): Map<string, string> {
  const paths = new Map<string, string>();
  if (!isObject(metadata)) return paths;
  for (const [constructPath, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (entry?.type === LOGICAL_ID_METADATA && typeof entry.data === 'string' && !paths.has(entry.data)) {
        paths.set(entry.data, constructPath.replace(/^\//, ''));
      }
    }
  }
  return paths;
}

/** The logical ids of a template's resources that have no `aws:cdk:path` metadata. */
function resourcesWithoutPath(template: any): string[] {
  return Object.entries<any>(template.Resources ?? {})
    .filter(([, resource]) => typeof resource?.Metadata?.[PATH_METADATA] !== 'string').map(([id]) => id);
}

function readManifest(manifestFile: string): ManifestContents {
  const manifest = parseJson(readText(manifestFile, 'the cloud assembly manifest'), manifestFile, 'the cloud assembly manifest');
  if (!isObject(manifest)) throw problemWith(manifestFile, `not a cloud assembly manifest: expected a JSON object, found ${kindOf(manifest)}`, RESYNTH);
  const artifacts = manifest.artifacts ?? {};
  if (!isObject(artifacts)) throw problemWith(manifestFile, `not a cloud assembly manifest: artifacts must be an object, found ${kindOf(artifacts)}`, RESYNTH);
  const contents = { stacks: [] as StackArtifact[], nestedDirectories: [] as ManifestContents['nestedDirectories'] };
  let treeFile: string | undefined;
  for (const [id, artifact] of Object.entries<any>(artifacts)) {
    if (!isObject(artifact)) throw problemWith(manifestFile, `artifact ${id} must be an object, found ${kindOf(artifact)}`, RESYNTH);
    if (artifact.type === STACK_ARTIFACT) {
      const templateFile = artifact.properties?.templateFile;
      if (typeof templateFile !== 'string' || templateFile === '') {
        throw problemWith(manifestFile, `stack artifact ${id} has no properties.templateFile (found ${kindOf(templateFile)})`, RESYNTH);
      }
      const stackName = artifact.properties?.stackName;
      contents.stacks.push({
        templateFile,
        stackName: typeof stackName === 'string' && stackName !== '' ? stackName : id,
        ...environmentOf(artifact.environment),
        ...(typeof artifact.displayName === 'string' ? { constructPath: artifact.displayName } : {}),
        ...(isObject(artifact.metadata) ? { metadata: artifact.metadata } : {}),
        ...(typeof artifact.additionalMetadataFile === 'string' ? { metadataFile: artifact.additionalMetadataFile } : {}),
      });
    } else if (artifact.type === TREE_ARTIFACT && typeof artifact.properties?.file === 'string') {
      treeFile = artifact.properties.file;
    } else if (artifact.type === NESTED_ASSEMBLY_ARTIFACT) {
      const directoryName = artifact.properties?.directoryName;
      if (typeof directoryName !== 'string' || directoryName === '') {
        throw problemWith(manifestFile, `nested assembly artifact ${id} has no properties.directoryName (found ${kindOf(directoryName)})`, RESYNTH);
      }
      contents.nestedDirectories.push({ artifactId: id, directoryName });
    }
  }
  return { ...contents, ...(treeFile !== undefined ? { treeFile } : {}) };
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
  /** The construct tree of the top assembly (a stage's stacks are in it too): named when its manifest is read, read when first needed. */
  private tree?: { readonly manifestFile: string; readonly directory: string; readonly file: string; paths?: Map<string, Map<string, string>> };

  constructor(private readonly root: string) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(root);
    } catch {
      stat = undefined;
    }
    if (!stat?.isDirectory()) {
      throw new AssemblyError(root, `${root} is not a directory. Fix: run cdk synth first, or pass the cloud assembly directory (cdk.out)`);
    }
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
      throw new AssemblyError(directory, `${directory} is not a cloud assembly: it has no ${MANIFEST_FILE}. Fix: run cdk synth first, or pass the directory cdk synth wrote (cdk.out)`);
    }
    const manifest = readManifest(manifestFile);
    if (!this.tree && manifest.treeFile !== undefined) this.tree = { manifestFile, directory, file: manifest.treeFile };
    const inputs = manifest.stacks.map((stack) => {
      const templatePath = this.contained(manifestFile, directory, stack.templateFile, `template file of stack ${stack.stackName}`);
      return this.readStack(templatePath, stack, manifestFile, directory);
    });
    for (const nested of manifest.nestedDirectories) {
      const nestedDirectory = this.contained(manifestFile, directory, nested.directoryName, `directory of nested assembly ${nested.artifactId}`);
      if (!fs.statSync(nestedDirectory).isDirectory()) {
        throw problemWith(nestedDirectory, `not a directory (named as nested assembly ${nested.artifactId} by ${manifestFile})`, RESYNTH);
      }
      inputs.push(...this.readDirectory(nestedDirectory));
    }
    return inputs;
  }

  /** `relative` joined to `directory`, when it exists and lies inside the root; else an error naming it. */
  private contained(manifestFile: string, directory: string, relative: string, what: string): string {
    const file = this.containedIfPresent(manifestFile, directory, relative, what);
    if (file === undefined) throw problemWith(path.join(directory, relative), `${manifestFile} names it as the ${what}, but it does not exist`, RESYNTH);
    return file;
  }

  /** Like `contained`, but `undefined` when the file does not exist (for files that only help). */
  private containedIfPresent(manifestFile: string, directory: string, relative: string, what: string): string | undefined {
    const file = path.join(directory, relative);
    if (path.isAbsolute(relative) || !isInside(path.resolve(this.root), path.resolve(file))) {
      throw problemWith(file, `${manifestFile} names it as the ${what}, but it is outside the cloud assembly directory ${this.root}; refusing to read it`, STAY_INSIDE);
    }
    if (!fs.existsSync(file)) return undefined;
    this.assertRealPathInside(file, `${manifestFile} names it as the ${what}`);
    return file;
  }

  private assertRealPathInside(file: string, why: string): void {
    if (!isInside(this.realRoot, fs.realpathSync(file))) {
      throw problemWith(file, `${why}, but it links to ${fs.realpathSync(file)}, outside the cloud assembly directory ${this.root}; refusing to read it`, STAY_INSIDE);
    }
  }

  private readStack(templatePath: string, stack: StackArtifact, manifestFile: string, manifestDirectory: string): CheckInput {
    const template = parseTemplate(readText(templatePath, 'the template'), templatePath);
    const directory = path.dirname(templatePath);
    const yamlFiles = this.kubernetesFilesOf(directory, artifactIdOf(templatePath));
    for (const file of yamlFiles) this.assertRealPathInside(file, 'it is a Kubernetes YAML file of the assembly');
    const input = inputOf(templatePath, stack, template, yamlFiles);
    const withoutPath = resourcesWithoutPath(template);
    if (withoutPath.length === 0) return input;
    const constructPaths = this.constructPathsOf(stack, manifestFile, manifestDirectory, withoutPath);
    return Object.keys(constructPaths).length > 0 ? { ...input, constructPaths } : input;
  }

  /**
   * The construct paths of resources synthesized without path metadata: from the stack's
   * `aws:cdk:logicalId` metadata (in the manifest, or its `additionalMetadataFile`), else from the
   * construct tree (`tree.json`, and the files it is split into) under the stack's construct path.
   */
  private constructPathsOf(stack: StackArtifact, manifestFile: string, directory: string, logicalIds: string[]): { [logicalId: string]: string } {
    const fromMetadata = logicalIdPaths(stack.metadata);
    const metadataFile = stack.metadataFile === undefined ? undefined
      : this.containedIfPresent(manifestFile, directory, stack.metadataFile, `metadata file of stack ${stack.stackName}`);
    if (metadataFile !== undefined) {
      const entries = parseJson(readText(metadataFile, 'the stack metadata file'), metadataFile, 'the stack metadata file');
      for (const [id, constructPath] of logicalIdPaths(entries)) if (!fromMetadata.has(id)) fromMetadata.set(id, constructPath);
    }
    const paths: { [logicalId: string]: string } = {};
    const missing = logicalIds.filter((id) => {
      const found = fromMetadata.get(id);
      if (found !== undefined) paths[id] = found;
      return found === undefined;
    });
    if (missing.length > 0 && stack.constructPath !== undefined) {
      const fromTree = this.treePaths().get(stack.constructPath);
      for (const id of missing) if (fromTree?.has(id)) paths[id] = fromTree.get(id)!;
    }
    return paths;
  }

  /** The construct tree's logical ids by stack construct path (read once; empty without a tree file). */
  private treePaths(): Map<string, Map<string, string>> {
    const tree = this.tree;
    if (!tree) return new Map();
    if (tree.paths) return tree.paths;
    const paths = new Map<string, Map<string, string>>();
    tree.paths = paths;
    const read = (relative: string, what: string): any => {
      const file = this.containedIfPresent(tree.manifestFile, tree.directory, relative, what);
      return file === undefined ? undefined : parseJson(readText(file, `the ${what}`), file, `the ${what}`);
    };
    const root = read(tree.file, 'construct tree file');
    const forests = new Map<string, any>();
    // Nodes to visit, each with the construct path of the stack it is in. A node may stand for a
    // subtree written to another file ({ fileName, treeId }, when the tree is large).
    const pending: Array<{ node: any; stack?: string }> = [{ node: root?.tree }];
    while (pending.length > 0) {
      const next = pending.pop()!;
      const stack = next.stack;
      let node = next.node;
      if (isObject(node) && typeof node.fileName === 'string' && typeof node.treeId === 'string') {
        if (!forests.has(node.fileName)) forests.set(node.fileName, read(node.fileName, 'construct tree file'));
        node = forests.get(node.fileName)?.forest?.[node.treeId];
      }
      if (!isObject(node)) continue;
      const here = STACK_FQNS.includes(node.constructInfo?.fqn) && typeof node.path === 'string' ? node.path : stack;
      const logicalId = node.attributes?.[TREE_LOGICAL_ID];
      if (here !== undefined && typeof logicalId === 'string' && typeof node.path === 'string') {
        const ofStack = paths.get(here) ?? new Map<string, string>();
        paths.set(here, ofStack);
        if (!ofStack.has(logicalId)) ofStack.set(logicalId, node.path);
      }
      if (isObject(node.children)) for (const child of Object.values(node.children)) pending.push({ node: child, stack: here });
    }
    return paths;
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
function inputOf(templatePath: string, stack: Omit<StackArtifact, 'templateFile'>, template: any, yamlFiles: string[]): CheckInput {
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
    stackName: stack.stackName,
    template,
    kubernetesManifests: manifests,
    ...(byCluster.length > 0 ? { clusterKubernetesManifests: byCluster } : {}),
    templatePath,
    ...(stack.account !== undefined ? { account: stack.account } : {}),
    ...(stack.region !== undefined ? { region: stack.region } : {}),
  };
}

function kubernetesFilesNextTo(templatePath: string): string[] {
  const directory = path.dirname(templatePath);
  const artifactId = artifactIdOf(templatePath);
  return fs.readdirSync(directory)
    .filter((name) => name.startsWith(`${artifactId}.`) && name.endsWith(KUBERNETES_SUFFIX)).sort()
    .map((name) => path.join(directory, name));
}

/** The stacks a directory's manifest lists, by template file (file name → stack). */
function stacksOf(directory: string): Map<string, StackArtifact> {
  const manifestFile = path.join(directory, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) return new Map();
  return new Map(readManifest(manifestFile).stacks.map((s) => [path.normalize(s.templateFile), s]));
}

/**
 * Templates by path (e.g. the `templatePaths` CDK hands a policy validation plugin), each with the
 * Kubernetes YAML written next to it (`<artifactId>.<name>.k8s.yaml`). The stack name (and its
 * concrete account and region) come from the directory's `manifest.json` when it lists the
 * template (each directory's manifest is read once), else the name from the file name.
 */
export function readTemplateFiles(templatePaths: string[]): CheckInput[] {
  const manifests = new Map<string, Map<string, StackArtifact>>();
  return templatePaths.map((templatePath) => {
    const directory = path.dirname(templatePath);
    let byFile = manifests.get(directory);
    if (!byFile) {
      byFile = stacksOf(directory);
      manifests.set(directory, byFile);
    }
    const template = parseTemplate(readText(templatePath, 'the template'), templatePath);
    const stack = byFile.get(path.basename(templatePath)) ?? { stackName: artifactIdOf(templatePath) };
    return inputOf(templatePath, stack, template, kubernetesFilesNextTo(templatePath));
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
