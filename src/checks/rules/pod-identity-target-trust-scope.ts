import { POD_IDENTITY_SESSION_TAGS } from '../../core/pod-identity';
import { AwsPrincipalGrant, pinsKey } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';
import { RoleModel } from '../template-model';

/** What makes an account's grant a pod identity target-role trust: its session tag or external id conditions. */
function targetScoping(grant: AwsPrincipalGrant): string[] {
  return [
    ...Object.keys(grant.tags).filter((tag) => POD_IDENTITY_SESSION_TAGS.includes(tag) && pinsKey(grant.tags[tag])).map((tag) => `aws:RequestTag/${tag}`),
    ...(pinsKey(grant.externalId) ? ['sts:ExternalId'] : []),
  ];
}

/** EKSID-POD-014: a cross-account target role trusts the association role, not its whole account. */
export const podIdentityTargetTrustScope: Rule = {
  id: 'EKSID-POD-014',
  statement: 'A pod identity target role that trusts an account (with pod identity session tag or sts:ExternalId conditions, or as the TargetRoleArn '
    + 'of an association) pins the association role with an aws:PrincipalArn condition.',
  level: CheckLevel.WARNING,
  fix: 'add ArnEquals "aws:PrincipalArn": "<association role ARN>" to the statement (PodIdentityTargetRole writes it)',
  check: (model) => {
    const targets = new Set<RoleModel>(model.associations.flatMap((a) => model.roleByArn(a.targetRoleArn, a.stackName) ?? []));
    return model.roles.flatMap((role) => model.trustOf(role).awsPrincipals
      .filter((g) => g.account !== undefined && g.allowsAssumeRole && !g.statement.opaqueConditions && !pinsKey(g.principalArn))
      .flatMap((g) => {
        const scoping = targetScoping(g);
        if (scoping.length === 0 && !targets.has(role)) return [];
        return [{
          ...at(role, TRUST_POLICY),
          message: `role ${role.logicalId} trusts account ${g.principal} (statement ${g.statementIndex}) as a pod identity target role`
            + `${scoping.length > 0 ? ` scoped only by ${scoping.join(', ')}` : ''} without an aws:PrincipalArn condition: any role of that account `
            + 'that may call sts:AssumeRole (and set the same session tags, or pass the same external id) can assume it, not only the association role',
          fix: podIdentityTargetTrustScope.fix,
        }];
      }));
  },
};
