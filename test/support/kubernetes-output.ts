import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Namespace, Pod, ServiceAccount } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

/** The Kubernetes YAML files of a synthesized app: file name → parsed objects. */
export function synthKubernetesFiles(app: App): { [fileName: string]: any[] } {
  const assembly = app.synth();
  const files: { [fileName: string]: any[] } = {};
  for (const file of fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.k8s.yaml')).sort()) {
    const text = fs.readFileSync(path.join(assembly.directory, file), 'utf-8');
    files[file] = parseAllDocuments(text).map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS();
    }).filter((obj) => obj !== null);
  }
  return files;
}

const MODELS: { [apiVersionKind: string]: new (data: any) => { validate(): void } } = {
  'v1/ServiceAccount': ServiceAccount,
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Pod': Pod,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
};

/**
 * Validates one object against the Kubernetes OpenAPI schema (kubernetes-models); throws with the
 * schema error, or when the kind is not one this helper knows.
 */
export function validateKubernetesObject(obj: any): void {
  const model = MODELS[`${obj?.apiVersion}/${obj?.kind}`];
  if (!model) throw new Error(`no schema for ${obj?.apiVersion} ${obj?.kind}`);
  new model(obj).validate();
}

/** `kind namespace/name` of an object, for compact assertions. */
export function objectKey(obj: any): string {
  return `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name}`;
}
