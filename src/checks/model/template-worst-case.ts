import { CfnResource, TemplateText } from '../../core/template/template-text';
import { DeployTimeKind, WORST_CASE_LENGTH, worstCaseRoleArnLength, worstCaseSize } from '../../core/worst-case';

/*
 * The longest value of each placeholder of a template (by the intrinsic it stands for and the
 * type of the resource it refers to), for the core's worst-case size algorithm.
 */

const PSEUDO_PARAMETERS: { [name: string]: DeployTimeKind } = {
  'AWS::Partition': DeployTimeKind.PARTITION,
  'AWS::Region': DeployTimeKind.REGION,
  'AWS::AccountId': DeployTimeKind.ACCOUNT,
  'AWS::URLSuffix': DeployTimeKind.URL_SUFFIX,
  'AWS::StackName': DeployTimeKind.STACK_NAME,
};

const OIDC_PROVIDER_TYPES = ['AWS::IAM::OIDCProvider', 'Custom::AWSCDKOpenIdConnectProvider'];

function kindLength(kind: DeployTimeKind): number {
  return WORST_CASE_LENGTH[kind];
}

/** The longest value of a placeholder the template reader made. */
function placeholderLength(placeholder: string, intrinsic: any, resources: { [id: string]: CfnResource }): number {
  if ('Ref' in intrinsic) {
    const id = String(intrinsic.Ref);
    if (id in PSEUDO_PARAMETERS) return kindLength(PSEUDO_PARAMETERS[id]);
    const type = resources[id]?.Type;
    if (type && OIDC_PROVIDER_TYPES.includes(type)) return kindLength(DeployTimeKind.OIDC_PROVIDER_ARN);
    if (type === 'AWS::EKS::Cluster') return kindLength(DeployTimeKind.CLUSTER_NAME);
    if (type === 'AWS::IAM::Role') return kindLength(DeployTimeKind.ROLE_NAME);
    return kindLength(DeployTimeKind.UNKNOWN);
  }
  if ('Fn::GetAtt' in intrinsic) {
    const [id, attribute] = Array.isArray(intrinsic['Fn::GetAtt']) ? intrinsic['Fn::GetAtt'] : String(intrinsic['Fn::GetAtt']).split('.');
    const type = resources[id]?.Type;
    if (type === 'AWS::EKS::Cluster' && attribute === 'OpenIdConnectIssuerUrl') return kindLength(DeployTimeKind.ISSUER_URL);
    if (type === 'AWS::EKS::Cluster' && attribute === 'Arn') return kindLength(DeployTimeKind.CLUSTER_ARN);
    if (type === 'AWS::IAM::Role' && attribute === 'Arn') {
      const name = resources[id].Properties?.RoleName;
      const path = resources[id].Properties?.Path;
      return worstCaseRoleArnLength(typeof name === 'string' ? name : undefined, typeof path === 'string' ? path : undefined);
    }
    if (type && OIDC_PROVIDER_TYPES.includes(type)) return kindLength(DeployTimeKind.OIDC_PROVIDER_ARN);
    return kindLength(DeployTimeKind.UNKNOWN);
  }
  // `Fn::Select` of an `Fn::Split` on `oidc-provider/` (or on `https://`): the issuer without scheme.
  if ('Fn::Select' in intrinsic && /oidc-provider\/|https:\/\//.test(placeholder)) return kindLength(DeployTimeKind.ISSUER);
  return kindLength(DeployTimeKind.UNKNOWN);
}

/**
 * The characters other than whitespace of a text whose placeholders are counted at the longest
 * value they can take. Placeholders this template did not make count as written.
 */
export function templateWorstCaseSize(text: string, templateText: TemplateText, resources: { [id: string]: CfnResource }): number {
  return worstCaseSize(text, (placeholder) => {
    const intrinsic = templateText.intrinsicOf(placeholder);
    return intrinsic === undefined ? placeholder.replace(/\s/g, '').length : placeholderLength(placeholder, intrinsic, resources);
  });
}
