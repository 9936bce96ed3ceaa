import { parseAllDocuments } from 'yaml';

/*
 * Reading an `aws-auth` ConfigMap: the whole object (YAML or JSON, also inside a `List`), its
 * `data`, or a `mapRoles`/`mapUsers`/`mapAccounts` list pasted on its own.
 */

/** A section of the ConfigMap's data. */
export type Section = 'mapRoles' | 'mapUsers' | 'mapAccounts';

/** The mappings of an `aws-auth` ConfigMap, as written. */
export interface AwsAuthData {
  readonly mapRoles: unknown[];
  readonly mapUsers: unknown[];
  readonly mapAccounts: unknown[];
}

/**
 * Reads the whole ConfigMap (YAML or JSON), its `data`, or a `mapRoles`/`mapUsers`/`mapAccounts` list.
 * Every scalar is read as text (the YAML failsafe schema), so a value is a string, a list or a map,
 * never null; an empty document (`---` alone) is the empty string and is skipped.
 */
export function readAwsAuth(text: string): AwsAuthData {
  const docs = parseYaml(text, 'the input').filter((d) => d !== '');
  if (docs.length === 0) throw new Error('the input is empty: give the aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml) or its mapRoles/mapUsers/mapAccounts');
  const configMaps = docs.flatMap((d: any) => (d.kind === 'List' && Array.isArray(d.items) ? d.items : [d]))
    .filter((d: any) => d.kind === 'ConfigMap');
  if (configMaps.length > 0) {
    const chosen = configMaps.length === 1 ? configMaps[0] : configMaps.find((c: any) => c.metadata?.name === 'aws-auth');
    if (!chosen) throw new Error('the input has several ConfigMaps and none is named aws-auth');
    return readData(chosen.data ?? {});
  }
  if (docs.length > 1) throw new Error('the input has several YAML documents and no ConfigMap');
  const doc = docs[0];
  if (Array.isArray(doc)) return readBareList(doc);
  if (typeof doc === 'object') {
    const data = typeof (doc as any).data === 'object' ? (doc as any).data : doc;
    if (['mapRoles', 'mapUsers', 'mapAccounts'].some((k) => k in data)) return readData(data);
  }
  throw new Error('the input is neither an aws-auth ConfigMap nor a mapRoles/mapUsers/mapAccounts list');
}

function readData(data: any): AwsAuthData {
  return {
    mapRoles: readSection(data.mapRoles, 'mapRoles'),
    mapUsers: readSection(data.mapUsers, 'mapUsers'),
    mapAccounts: readSection(data.mapAccounts, 'mapAccounts'),
  };
}

function readSection(value: unknown, name: Section): unknown[] {
  // Absent, empty text, or text that is an empty document: nothing mapped.
  const list = typeof value === 'string' ? parseYaml(value, name)[0] : value;
  if (list === undefined || list === '') return [];
  if (!Array.isArray(list)) throw new Error(`${name} is not a YAML list`);
  return list;
}

/** A list pasted on its own: role mappings, user mappings or account IDs, told apart by their keys. */
function readBareList(list: unknown[]): AwsAuthData {
  const data = { mapRoles: [] as unknown[], mapUsers: [] as unknown[], mapAccounts: [] as unknown[] };
  for (const item of list) {
    if (typeof item === 'string') data.mapAccounts.push(item);
    else if ('userarn' in (item as object)) data.mapUsers.push(item);
    else data.mapRoles.push(item);
  }
  return data;
}

/** Parses YAML keeping every scalar a string (account IDs keep their leading zeros). */
function parseYaml(text: string, what: string): unknown[] {
  const docs: Array<{ errors: Array<{ message: string }>; toJS(): unknown }> = parseAllDocuments(text, { schema: 'failsafe' });
  const failed = docs.find((d) => d.errors.length > 0);
  if (failed) throw new Error(`${what} is not valid YAML: ${failed.errors[0].message.split('\n')[0]}`);
  return docs.map((d) => d.toJS());
}

