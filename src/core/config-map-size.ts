import { Problem } from './errors';
import { MAX_CONFIG_MAP_BYTES } from './limits';

/*
 * "The data stored in a ConfigMap cannot exceed 1 MiB" (Kubernetes, "ConfigMaps",
 * https://kubernetes.io/docs/concepts/configuration/configmap/): text larger than that is not a
 * ConfigMap someone read from a cluster, and is refused before it is parsed.
 */

/** The size of a text in UTF-8 bytes, as Kubernetes counts it. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Why a text is too large to be (the data of) a ConfigMap.
 * @param what the text, as the message names it
 * @param name the ConfigMap's name and namespace, for the command in the fix
 */
export function configMapSizeProblem(text: string, what: string, name: { name: string; namespace: string }): Problem | undefined {
  const bytes = utf8Bytes(text);
  if (bytes <= MAX_CONFIG_MAP_BYTES) return undefined;
  return {
    problem: `${what} is ${bytes} bytes, more than a ConfigMap can hold (${MAX_CONFIG_MAP_BYTES} bytes, 1 MiB)`,
    fix: `give the ConfigMap as the cluster has it (kubectl get configmap ${name.name} -n ${name.namespace} -o yaml), `
      + 'or only its data (-o jsonpath=\'{.data}\') when annotations or managed fields make the object larger',
  };
}
