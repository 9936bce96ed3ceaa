export { IdentityDiff } from './identity-diff';
export type { IdentityDiffOptions } from './identity-diff';
export { IdentityChangeArea, IdentityChangeFlag, IdentityChangeKind } from './diff-types';
export type { IdentityChange, IdentityDiffDocument } from './diff-types';
