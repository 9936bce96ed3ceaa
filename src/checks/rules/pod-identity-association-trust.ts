import { POD_IDENTITY_ACTIONS } from '../../core/pod-identity';
import { podIdentityAllowed, podIdentityGrantsAction, podIdentityRefusals } from '../../core/trust/trust-semantics';
import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';
import { describeAssociation } from './_shared';
import { podIdentityRequest } from '../model/trust-requests';

/** EKSID-POD-010: the trust of an association's role lets that association in. */
export const podIdentityAssociationTrust: Rule = {
  id: 'EKSID-POD-010',
  statement: 'The trust of a pod identity association\'s role lets that association in: its session tag conditions hold for the association\'s cluster, namespace and service account.',
  level: CheckLevel.ERROR,
  fix: 'scope the trust of the role to the association\'s cluster, namespace and service account, or use the role made for them',
  check: (model) => model.associations.flatMap((association) => {
    const role = model.roleByArn(association.roleArn, association.stackName);
    if (!role?.trust) return [];
    const trust = model.trustOf(role);
    if (!POD_IDENTITY_ACTIONS.every((action) => podIdentityGrantsAction(trust, action))) return []; // EKSID-POD-002
    if (association.disableSessionTags) return []; // EKSID-POD-004
    const request = podIdentityRequest(model, association);
    if (podIdentityAllowed(trust, request) !== false) return [];
    const refusals = podIdentityRefusals(trust, request).map((c) => `${c.operator} ${c.key} = ${c.values.join(' or ')}`);
    return [{
      ...at(association, association.location === 'Properties' ? 'Properties/RoleArn' : association.location),
      message: `${describeAssociation(association)} uses role ${role.logicalId}, whose trust requires ${[...new Set(refusals)].join(' and ') || 'other session tags'}: `
        + `pods of ${association.namespace ?? '(the add-on\'s namespace)'}/${association.serviceAccount} get no credentials`,
      fix: `scope the trust of role ${role.logicalId} to this association's cluster, namespace and service account, or use the role made for them`,
    }];
  }),
};
