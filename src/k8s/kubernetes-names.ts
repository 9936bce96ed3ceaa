import { Token } from 'aws-cdk-lib';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Why `name` is not a valid DNS-1123 label (Kubernetes namespace names), or undefined when it is.
 * One-character names are valid. Tokens are not checked.
 */
export function dns1123LabelProblem(name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  if (name.length === 0) return 'it is empty';
  if (name.length > 63) return `it is ${name.length} characters long (at most 63)`;
  if (!DNS1123_LABEL.test(name)) {
    return 'it must consist of lower case alphanumeric characters or \'-\', and start and end with an alphanumeric character';
  }
  return undefined;
}

/**
 * Why `name` is not a valid DNS-1123 subdomain (Kubernetes service account and most object
 * names), or undefined when it is. One-character names are valid. Tokens are not checked.
 */
export function dns1123SubdomainProblem(name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  if (name.length === 0) return 'it is empty';
  if (name.length > 253) return `it is ${name.length} characters long (at most 253)`;
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return 'it must consist of lower case alphanumeric characters, \'-\' or \'.\', and start and end with an alphanumeric character';
  }
  return undefined;
}
