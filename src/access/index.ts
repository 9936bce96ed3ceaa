export { ClusterAccess } from './cluster-access';
export type { ClusterAccessProps, AccessEntryOptions } from './cluster-access';
export { KubernetesGroup } from './kubernetes-group';
export type { KubernetesGroupOptions, KubernetesGroupProps, RbacRule } from './kubernetes-group';
export type {
  AwsAuthMigrationEntry, AwsAuthMigrationFinding, AwsAuthMigrationPlan, AwsAuthMigrationPlanOptions,
} from './aws-auth/aws-auth-plan';
export { AwsAuthMigration } from './aws-auth/aws-auth-migration';
export type { AwsAuthMigrationDecision, AwsAuthMigrationProps } from './aws-auth/aws-auth-migration';
