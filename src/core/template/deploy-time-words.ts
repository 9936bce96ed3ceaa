import { isKnown, textParts } from '../deploy-time';
import { issuerSource } from '../trust/issuer-keys';

/*
 * Values only known at deploy time, in words, for everything a person reads (the report, the
 * diff, findings): never a placeholder such as `${GetAtt:Role.Arn}` (see `TemplateText`) or a CDK
 * token. A reference to a resource is described by the caller, who knows the templates (its
 * name, construct path); pseudo parameters and other intrinsics are described here. A value that
 * is one deploy-time value becomes its description (`the ARN of Bucket (App/Bucket/Resource)`);
 * deploy-time parts of a longer value become their description in braces
 * (`arn:{partition}:iam::{account}:role/app`, `{the ARN of Bucket (App/Bucket/Resource)}/*`).
 */

/** A `Ref` or `Fn::GetAtt` placeholder, parsed. */
export interface TemplateReference {
  /** The logical id (or parameter name) it refers to. */
  readonly logicalId: string;
  /** The attribute of an `Fn::GetAtt` (e.g. `Arn`); undefined for a `Ref`. */
  readonly attribute?: string;
}

const REF = /^\$\{Ref:([^}]+)\}$/;
const GET_ATT = /^\$\{GetAtt:([^.}]+)\.([^{}]+)\}$/;
const INNER_REFERENCE = /\$\{(?:Ref:[^{}]+|GetAtt:[^.{}]+\.[^{}]+)\}/g;
const PSEUDO_PARAMETER = /^AWS::(\w+)$/;
const CDK_TOKEN = /^\$\{Token\[|^-1\.\d/;

/** What each pseudo parameter is, in words. */
const PSEUDO_WORDS: { readonly [name: string]: string } = {
  AccountId: 'account',
  Region: 'region',
  Partition: 'partition',
  URLSuffix: 'URL suffix',
  StackName: 'stack name',
  StackId: 'stack id',
};

/** The resource (or parameter) a whole `${Ref:X}` or `${GetAtt:X.Attribute}` placeholder refers to; undefined for anything else. */
export function parseTemplateReference(text: string): TemplateReference | undefined {
  const ref = REF.exec(text);
  if (ref) return PSEUDO_PARAMETER.test(ref[1]) ? undefined : { logicalId: ref[1] };
  const getAtt = GET_ATT.exec(text);
  return getAtt ? { logicalId: getAtt[1], attribute: getAtt[2] } : undefined;
}

/** One deploy-time value in words. */
function describeValue(value: string, describeReference: (reference: TemplateReference) => string, embedded: boolean): string {
  const pseudo = PSEUDO_PARAMETER.exec(REF.exec(value)?.[1] ?? '')?.[1];
  if (pseudo !== undefined) {
    const words = PSEUDO_WORDS[pseudo] ?? `AWS::${pseudo}`;
    return embedded ? words : `the stack's ${words}`;
  }
  const reference = parseTemplateReference(value);
  if (reference) return describeReference(reference);
  if (CDK_TOKEN.test(value)) return 'a value known at deploy time';
  const fn = /^\$\{([A-Za-z]+):/.exec(value)?.[1] ?? '';
  const args = value.slice(fn.length + 3, -1);
  if (fn === 'ImportValue') return `the export ${describeDeployTimeText(args, describeReference)}`;
  const issuer = issuerSource(value);
  if (issuer) return `the issuer ${issuer.from === 'provider' ? 'of OIDC provider' : 'in'} ${describeDeployTimeText(issuer.value, describeReference)}`;
  const inner = [...new Set(value.slice(2).match(INNER_REFERENCE) ?? [])].filter((r) => parseTemplateReference(r) !== undefined);
  return inner.length > 0
    ? `a value derived (Fn::${fn}) from ${inner.map((r) => describeValue(r, describeReference, false)).join(', ')}`
    : `a value known at deploy time (Fn::${fn})`;
}

/**
 * A text with its deploy-time values in words: the text itself when it has none.
 *
 * @param text the value as template text (literals as written, intrinsics as placeholders)
 * @param describeReference the words for a reference to a resource or parameter of the template
 */
export function describeDeployTimeText(text: string, describeReference: (reference: TemplateReference) => string): string {
  if (isKnown(text)) return text;
  const parts = textParts(text);
  if (parts.length === 1) return describeValue(text, describeReference, false);
  return parts.map((p) => p.deployTime ? `{${describeValue(p.text, describeReference, true)}}` : p.text).join('');
}
