import * as path from 'path';

/*
 * The Kubernetes objects of the YAML files this process wrote into a cloud assembly, so that a
 * reader in the same process does not parse again what was just serialized: the rule pack as a
 * CDK validation plugin reads the assembly right after synth wrote it, and parsing YAML is most of
 * what it would otherwise spend there. A file's objects are used only while the file holds
 * exactly the text that was written, and only when each is plain JSON data (strings, finite
 * numbers, booleans, null, arrays and plain objects, nothing undefined; no document null), which
 * YAML reads back as the same data. What is kept is bounded: past `MAX_KEPT_CHARACTERS` of text, everything kept so
 * far is forgotten.
 */

/** Characters of YAML text kept at most (with their objects) before the memo starts over. */
const MAX_KEPT_CHARACTERS = 16 * 1024 * 1024;

interface WrittenFile {
  readonly text: string;
  readonly objects: readonly unknown[];
}

const written = new Map<string, WrittenFile>();
let keptCharacters = 0;

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i])) return false;
    return true;
  }
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value as object).every(isPlainJson);
}

/**
 * Records the objects a Kubernetes YAML file was written from (call it with the text written to
 * the file). Objects that are not plain JSON data are not recorded: the file is then parsed.
 */
export function rememberWrittenKubernetesFile(file: string, text: string, objects: readonly unknown[]): void {
  const key = path.resolve(file);
  const previous = written.get(key);
  if (previous) {
    written.delete(key);
    keptCharacters -= previous.text.length;
  }
  if (!objects.every((o) => o !== null && isPlainJson(o))) return;
  if (keptCharacters + text.length > MAX_KEPT_CHARACTERS) {
    written.clear();
    keptCharacters = 0;
  }
  written.set(key, { text, objects });
  keptCharacters += text.length;
}

/**
 * The objects a Kubernetes YAML file was written from by this process, when the file holds
 * exactly `text` (what was just read from it); `undefined` otherwise (parse the text). The objects
 * are shared: do not change them.
 */
export function writtenKubernetesObjects(file: string, text: string): readonly unknown[] | undefined {
  const entry = written.get(path.resolve(file));
  return entry !== undefined && entry.text === text ? entry.objects : undefined;
}
