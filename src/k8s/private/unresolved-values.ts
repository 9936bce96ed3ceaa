import { isIntrinsic } from '../../core/template/template-text';

/** A value in a resolved document that is still a CloudFormation intrinsic. */
export interface UnresolvedValue {
  /** JSON path of the value, e.g. `metadata.annotations.eks.amazonaws.com/role-arn`. */
  readonly path: string;
  /** Short description of the intrinsic, e.g. `Ref AWS::AccountId`. */
  readonly summary: string;
}

function summarize(intrinsic: any): string {
  const refs = new Set<string>();
  const visit = (v: any) => {
    if (v === null || typeof v !== 'object') return;
    if (!Array.isArray(v) && typeof v.Ref === 'string') refs.add(`Ref ${v.Ref}`);
    if (!Array.isArray(v) && Array.isArray(v['Fn::GetAtt'])) refs.add(`GetAtt ${v['Fn::GetAtt'].join('.')}`);
    for (const child of Object.values(v)) visit(child);
  };
  visit(intrinsic);
  return refs.size > 0 ? [...refs].join(', ') : Object.keys(intrinsic)[0];
}

/**
 * Lists the values of a resolved document that are CloudFormation intrinsics (not known at synth).
 */
export function findUnresolvedValues(document: any, prefix = ''): UnresolvedValue[] {
  if (isIntrinsic(document)) return [{ path: prefix || '(root)', summary: summarize(document) }];
  if (document === null || typeof document !== 'object') return [];
  const found: UnresolvedValue[] = [];
  for (const [key, value] of Object.entries(document)) {
    const childPath = Array.isArray(document) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;
    found.push(...findUnresolvedValues(value, childPath));
  }
  return found;
}
