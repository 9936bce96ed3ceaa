import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IIdentityCluster } from '../../cluster/i-identity-cluster';
import { IdentityMode } from '../../core/identity-mode';
import { POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL } from '../../core/pod-identity';
import { parsePolicyDocument } from '../../core/template/policy-document';
import { TemplateText } from '../../core/template/template-text';
import { canonicalIssuer, issuersOfProviderArn } from '../../core/trust/issuer-keys';
import { analyzeTrust, irsaAllowed, podIdentityAllowed, podIdentityGrantsAction } from '../../core/trust/trust-semantics';

/** The service account and association a brought role must let in. */
export interface BroughtRoleUse {
  readonly mode: IdentityMode;
  readonly cluster: IIdentityCluster;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly sessionTagsDisabled: boolean;
}

/**
 * Why a role someone brought cannot work for its use, judged from its trust policy (by the
 * core's trust semantics, as the rule pack judges it) when the role is defined in this app;
 * undefined when it can, when it cannot be told at synth, or when the trust cannot be seen (an
 * imported role).
 */
export function broughtRoleTrustProblem(role: iam.IRole, use: BroughtRoleUse): string | undefined {
  const document = synthesizedTrust(role);
  if (document === undefined) return undefined;
  const stack = Stack.of(role);
  const text = new TemplateText({});
  const providerArn = text.text(stack.resolve(use.cluster.openIdConnectProviderArn));
  const clusterIssuer = canonicalIssuer(text.text(stack.resolve(use.cluster.openIdConnectIssuer)));
  const options = {
    issuersOfProvider: (arn: string) => [...issuersOfProviderArn(arn), ...(arn === providerArn ? [clusterIssuer] : [])],
  };
  const trust = analyzeTrust(parsePolicyDocument(text.document(document)), options);
  if (use.mode === IdentityMode.POD_IDENTITY) {
    const missing = POD_IDENTITY_ACTIONS.filter((action) => !podIdentityGrantsAction(trust, action));
    if (missing.length > 0) return `its trust does not allow ${POD_IDENTITY_PRINCIPAL} ${missing.join(' and ')}`;
    const allowed = podIdentityAllowed(trust, {
      clusterArn: text.text(stack.resolve(use.cluster.clusterArn)),
      clusterName: text.text(stack.resolve(use.cluster.clusterName)),
      namespace: use.namespace,
      serviceAccount: use.serviceAccount,
      sessionTags: !use.sessionTagsDisabled,
    });
    return allowed === false
      ? `its trust does not let the association for ${use.namespace}/${use.serviceAccount} in${use.sessionTagsDisabled ? ' (session tags are disabled, so no tag condition can hold)' : ''}`
      : undefined;
  }
  if (trust.irsa.length === 0) return 'its trust has no sts:AssumeRoleWithWebIdentity statement for an OIDC provider';
  if (!trust.irsa.some((g) => g.providerArn === providerArn)) return `its trust does not name the OIDC provider of cluster ${use.cluster.node.path}`;
  const allowed = irsaAllowed(trust, { providerArn, namespace: use.namespace, serviceAccount: use.serviceAccount }, options);
  return allowed === false ? `its trust does not let system:serviceaccount:${use.namespace}:${use.serviceAccount} in with audience sts.amazonaws.com` : undefined;
}

/**
 * The trust policy of a role defined in this app as its template will hold it: the
 * `AWS::IAM::Role`'s `AssumeRolePolicyDocument` after escape hatches (a property set on the L1,
 * `addPropertyOverride`), resolved. Undefined for an imported role, whose trust cannot be seen.
 */
function synthesizedTrust(role: iam.IRole): unknown {
  const resource = role.node.defaultChild;
  if (!(resource instanceof iam.CfnRole)) return undefined;
  const stack = Stack.of(resource);
  // The rendered resource, overrides merged (what CfnResource writes into the template): under its
  // logical id, with `Properties` (`{}` when overrides deleted every property).
  const rendered = stack.resolve((resource as unknown as { _toCloudFormation(): any })._toCloudFormation());
  return rendered.Resources[stack.resolve(resource.logicalId)].Properties.AssumeRolePolicyDocument;
}
