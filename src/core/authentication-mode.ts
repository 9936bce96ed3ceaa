/**
 * How the cluster authenticates IAM principals.
 *
 * The move is one-way: a cluster that has the EKS API (`API_AND_CONFIG_MAP` or `API`) can never go
 * back to a mode without it.
 */
export enum AuthenticationMode {
  /** Only the `aws-auth` ConfigMap. Access entries are not available. */
  CONFIG_MAP = 'CONFIG_MAP',
  /** Access entries and the `aws-auth` ConfigMap, the state during a migration. */
  API_AND_CONFIG_MAP = 'API_AND_CONFIG_MAP',
  /** Access entries only (the library's default). */
  API = 'API',
}
