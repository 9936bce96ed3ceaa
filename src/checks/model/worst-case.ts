import { CfnResource, findPlaceholders, TemplateText } from './intrinsics';
import {
  ACCOUNT_ID_LENGTH, EKS_ISSUER_ID_LENGTH, MAX_CLUSTER_NAME_LENGTH, MAX_PARTITION_LENGTH, MAX_REGION_LENGTH,
  MAX_ROLE_NAME_LENGTH, MAX_URL_SUFFIX_LENGTH,
} from '../../aws-limits';

/*
 * Longest forms of deploy-time values, to bound document sizes at synth. Longest partition:
 * `aws-us-gov` (10); longest region: 15 (`us-isof-south-1`); longest DNS suffix: 16
 * (`amazonaws.com.cn`); EKS issuer ids are 32 hex characters; cluster names at most 100 characters;
 * role names at most 64; stack names at most 128.
 */
const PARTITION = MAX_PARTITION_LENGTH;
const REGION = MAX_REGION_LENGTH;
const ACCOUNT = ACCOUNT_ID_LENGTH;
const URL_SUFFIX = MAX_URL_SUFFIX_LENGTH;
const ISSUER = 'oidc.eks.'.length + REGION + 1 + URL_SUFFIX + '/id/'.length + EKS_ISSUER_ID_LENGTH;
const ARN_PREFIX = 'arn:'.length + PARTITION; // `arn:<partition>`
const IAM_ARN = ARN_PREFIX + ':iam::'.length + ACCOUNT + 1; // `arn:<p>:iam::<account>:`
const CLUSTER_NAME = MAX_CLUSTER_NAME_LENGTH;
const ROLE_NAME = MAX_ROLE_NAME_LENGTH;

/** Length assumed for a deploy-time value of unknown kind. */
export const UNKNOWN_VALUE_LENGTH = 256;

const PSEUDO_PARAMETERS: { [name: string]: number } = {
  'AWS::Partition': PARTITION,
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::URLSuffix': URL_SUFFIX,
  'AWS::StackName': 128,
};

const OIDC_PROVIDER_TYPES = ['AWS::IAM::OIDCProvider', 'Custom::AWSCDKOpenIdConnectProvider'];

/**
 * The number of characters other than whitespace in a text once its placeholders are replaced by
 * the longest value they can take (IAM counts policy sizes without whitespace). Placeholders that
 * this template did not make (IAM policy variables such as `${aws:username}`) count as written.
 */
export function worstCaseSize(text: string, templateText: TemplateText, resources: { [id: string]: CfnResource }): number {
  let size = 0;
  let rest = text;
  for (const placeholder of findPlaceholders(text)) {
    const at = rest.indexOf(placeholder);
    size += rest.slice(0, at).replace(/\s/g, '').length;
    const intrinsic = templateText.intrinsicOf(placeholder);
    size += intrinsic === undefined ? placeholder.replace(/\s/g, '').length : worstCase(placeholder, intrinsic, resources);
    rest = rest.slice(at + placeholder.length);
  }
  return size + rest.replace(/\s/g, '').length;
}

function worstCase(placeholder: string, intrinsic: any, resources: { [id: string]: CfnResource }): number {
  if ('Ref' in intrinsic) {
    const id = String(intrinsic.Ref);
    if (id in PSEUDO_PARAMETERS) return PSEUDO_PARAMETERS[id];
    const type = resources[id]?.Type;
    if (type && OIDC_PROVIDER_TYPES.includes(type)) return IAM_ARN + 'oidc-provider/'.length + ISSUER;
    if (type === 'AWS::EKS::Cluster') return CLUSTER_NAME;
    if (type === 'AWS::IAM::Role') return ROLE_NAME;
    return UNKNOWN_VALUE_LENGTH;
  }
  if ('Fn::GetAtt' in intrinsic) {
    const [id, attribute] = Array.isArray(intrinsic['Fn::GetAtt']) ? intrinsic['Fn::GetAtt'] : String(intrinsic['Fn::GetAtt']).split('.');
    const type = resources[id]?.Type;
    if (type === 'AWS::EKS::Cluster' && attribute === 'OpenIdConnectIssuerUrl') return 'https://'.length + ISSUER;
    if (type === 'AWS::EKS::Cluster' && attribute === 'Arn') return ARN_PREFIX + ':eks:'.length + REGION + 1 + ACCOUNT + ':cluster/'.length + CLUSTER_NAME;
    if (type === 'AWS::IAM::Role' && attribute === 'Arn') {
      const name = resources[id].Properties?.RoleName;
      const path = resources[id].Properties?.Path;
      return IAM_ARN + 'role'.length + (typeof path === 'string' ? path.length : 1) + (typeof name === 'string' ? name.length : ROLE_NAME);
    }
    if (type && OIDC_PROVIDER_TYPES.includes(type)) return IAM_ARN + 'oidc-provider/'.length + ISSUER;
    return UNKNOWN_VALUE_LENGTH;
  }
  // `Fn::Select` of an `Fn::Split` on `oidc-provider/` (or on `https://`): the issuer without scheme.
  if ('Fn::Select' in intrinsic && /oidc-provider\/|https:\/\//.test(placeholder)) return ISSUER;
  return UNKNOWN_VALUE_LENGTH;
}
