import { parseIamArn } from '../../core/arn';
import { oidcProviderArnProblem } from '../../core/oidc-issuer';
import { CheckLevel } from '../check-types';
import { at, Rule, TRUST_POLICY } from '../rule';
import { stackPartitionOf } from './_shared';

/** A Federated principal that is a domain name: a web identity provider such as Amazon Cognito. */
const WEB_IDENTITY_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** EKSID-IRSA-013: the Federated principal of an IRSA statement is an IAM OIDC provider ARN. */
export const irsaProviderArn: Rule = {
  id: 'EKSID-IRSA-013',
  statement: 'The Federated principal ARN of an sts:AssumeRoleWithWebIdentity statement is an IAM OIDC provider ARN: arn:<partition>:iam::<account>:oidc-provider/<issuer>, '
    + 'no region, a 12-digit account (the stack\'s, when known), the stack\'s partition.',
  level: CheckLevel.ERROR,
  fix: 'trust the OIDC provider ARN of the cluster, as IAM shows it: arn:<partition>:iam::<account>:oidc-provider/<issuer without https://>',
  check: (model) => model.roles.flatMap((role) => [...new Set(model.irsaStatements(role).map((s) => s.providerArn))].flatMap((providerArn) => {
    // Web identity providers named by their domain (cognito-identity.amazonaws.com, accounts.google.com: aws-cdk-lib
    // WebIdentityPrincipal, https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_iam.WebIdentityPrincipal.html)
    // are no IAM resources, and SAML providers are EKSID-IRSA-011's: neither is judged here.
    if (WEB_IDENTITY_DOMAIN.test(providerArn) || parseIamArn(providerArn)?.resourceType === 'saml-provider') return [];
    const stack = model.findStack(role.stackName);
    const problem = oidcProviderArnProblem(providerArn, {
      what: 'Federated principal',
      account: stack?.account,
      partition: stackPartitionOf(model, role.stackName),
    });
    return problem ? [{ ...at(role, TRUST_POLICY), message: `role ${role.logicalId}: ${problem.problem}, so no token can assume it through that statement`, fix: problem.fix }] : [];
  })),
};
