import { accessEntryAdminUser } from './access-entry-admin-user';
import { accessEntryAuthenticationMode } from './access-entry-authentication-mode';
import { accessEntryClusterAdminScope } from './access-entry-cluster-admin-scope';
import { accessEntryCreatorAdmin } from './access-entry-creator-admin';
import { accessEntryNamespaceScope } from './access-entry-namespace-scope';
import { accessEntryNodePolicies } from './access-entry-node-policies';
import { accessEntryPolicyCount } from './access-entry-policy-count';
import { accessEntryPrincipal } from './access-entry-principal';
import { accessEntryServiceLinkedPolicy } from './access-entry-service-linked-policy';
import { accessEntrySystemGroup } from './access-entry-system-group';
import { accessEntryTypeFields } from './access-entry-type-fields';
import { accessEntryUnknownPolicy } from './access-entry-unknown-policy';
import { accessEntryUsername } from './access-entry-username';
import { iamInlinePolicySize } from './iam-inline-policy-size';
import { iamManagedPolicyCount } from './iam-managed-policy-count';
import { iamManagedPolicyMaxCount } from './iam-managed-policy-max-count';
import { iamRoleName } from './iam-role-name';
import { iamTrustAnyPrincipal } from './iam-trust-any-principal';
import { iamTrustPolicyMaxSize } from './iam-trust-policy-max-size';
import { iamTrustPolicySize } from './iam-trust-policy-size';
import { irsaAudienceCondition } from './irsa-audience-condition';
import { irsaAudienceValue } from './irsa-audience-value';
import { irsaAudienceWildcard } from './irsa-audience-wildcard';
import { irsaConditionIssuer } from './irsa-condition-issuer';
import { irsaFederatedAction } from './irsa-federated-action';
import { irsaProviderArn } from './irsa-provider-arn';
import { irsaProviderAudience } from './irsa-provider-audience';
import { irsaProviderUrl } from './irsa-provider-url';
import { irsaSubjectCondition } from './irsa-subject-condition';
import { irsaSubjectFormat } from './irsa-subject-format';
import { irsaSubjectPattern } from './irsa-subject-pattern';
import { irsaSubjectWildcard } from './irsa-subject-wildcard';
import { podIdentityAgent } from './pod-identity-agent';
import { podIdentityAssociationQuota } from './pod-identity-association-quota';
import { podIdentityAssociationTrust } from './pod-identity-association-trust';
import { podIdentityDisabledTags } from './pod-identity-disabled-tags';
import { podIdentityDuplicateAssociation } from './pod-identity-duplicate-association';
import { podIdentityFargate } from './pod-identity-fargate';
import { podIdentityNodeRole } from './pod-identity-node-role';
import { podIdentityPrincipal } from './pod-identity-principal';
import { podIdentitySessionPolicy } from './pod-identity-session-policy';
import { podIdentitySessionPolicySize } from './pod-identity-session-policy-size';
import { podIdentityTargetRole } from './pod-identity-target-role';
import { podIdentityTargetRoleArn } from './pod-identity-target-role-arn';
import { podIdentityTargetTrustScope } from './pod-identity-target-trust-scope';
import { podIdentityTrustActions } from './pod-identity-trust-actions';
import { podIdentityTrustScope } from './pod-identity-trust-scope';
import { rbacClusterAdminBinding } from './rbac-cluster-admin-binding';
import { rbacEscalation } from './rbac-escalation';
import { rbacVerbs } from './rbac-verbs';
import { serviceAccountDualIdentity } from './service-account-dual-identity';
import { serviceAccountName } from './service-account-name';
import { serviceAccountRoleTrust } from './service-account-role-trust';
import { Rule } from '../rule';

/** Every rule of the pack, in report order. */
export const ALL_RULES: Rule[] = [
  irsaAudienceCondition,
  irsaSubjectCondition,
  irsaSubjectWildcard,
  irsaSubjectPattern,
  irsaAudienceWildcard,
  irsaProviderAudience,
  irsaConditionIssuer,
  irsaAudienceValue,
  irsaProviderUrl,
  irsaFederatedAction,
  irsaSubjectFormat,
  irsaProviderArn,
  serviceAccountRoleTrust,
  serviceAccountDualIdentity,
  serviceAccountName,
  podIdentityTrustScope,
  podIdentityTrustActions,
  podIdentitySessionPolicy,
  podIdentitySessionPolicySize,
  podIdentityDisabledTags,
  podIdentityDuplicateAssociation,
  podIdentityAssociationQuota,
  podIdentityAgent,
  podIdentityNodeRole,
  podIdentityTargetRole,
  podIdentityAssociationTrust,
  podIdentityFargate,
  podIdentityPrincipal,
  podIdentityTargetTrustScope,
  podIdentityTargetRoleArn,
  accessEntrySystemGroup,
  accessEntryUsername,
  accessEntryTypeFields,
  accessEntryNodePolicies,
  accessEntryPolicyCount,
  accessEntryNamespaceScope,
  accessEntryAuthenticationMode,
  accessEntryAdminUser,
  accessEntryPrincipal,
  accessEntryServiceLinkedPolicy,
  accessEntryUnknownPolicy,
  accessEntryClusterAdminScope,
  accessEntryCreatorAdmin,
  rbacEscalation,
  rbacClusterAdminBinding,
  rbacVerbs,
  iamTrustPolicySize,
  iamTrustPolicyMaxSize,
  iamManagedPolicyCount,
  iamManagedPolicyMaxCount,
  iamInlinePolicySize,
  iamRoleName,
  iamTrustAnyPrincipal,
];
