import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CREATOR_ADMIN_WARNING, creatorAdminWarning } from '../../core/access-entry-rules';

/**
 * Warns, acknowledgeably, when a cluster's `bootstrapClusterCreatorAdminPermissions` is not false:
 * the deploying principal is a cluster admin that no template shows (the core's judgement, as
 * EKSID-ACCESS-013 reports it on templates).
 *
 * @param scope the construct that gets the warning (and whose annotations acknowledge it)
 * @param cluster the cluster, for the message
 * @param setting the setting; undefined when not set (EKS then defaults it to true)
 */
export function warnIfHiddenCreatorAdmin(scope: IConstruct, cluster: string, setting: boolean | undefined): void {
  const warning = creatorAdminWarning(cluster, setting);
  if (!warning) return;
  Annotations.of(scope).addWarningV2(CREATOR_ADMIN_WARNING, `${warning.problem}. Fix: ${warning.fix}; if the hidden admin is meant, `
    + `acknowledge it: Annotations.of(<${scope.node.path}>).acknowledgeWarning('${CREATOR_ADMIN_WARNING}', '<reason>')`);
}
