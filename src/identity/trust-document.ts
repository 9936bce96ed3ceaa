import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * One statement of a role trust policy, as plain JSON (values may be CDK tokens).
 * @internal
 */
export interface TrustStatement {
  readonly Effect: 'Allow';
  readonly Principal: { [kind: string]: string };
  readonly Action: string | string[];
  readonly Condition?: { [operator: string]: { [key: string]: string | string[] } };
}

/**
 * A complete trust policy document.
 * @internal
 */
export interface TrustDocument {
  readonly Version: '2012-10-17';
  readonly Statement: TrustStatement[];
}

/** @internal */
export function trustDocument(statements: TrustStatement[]): TrustDocument {
  return { Version: '2012-10-17', Statement: statements };
}

function hasTokenKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value as object).some(([key, child]) => Token.isUnresolved(key) || hasTokenKey(child));
}

/**
 * What `AWS::IAM::Role.AssumeRolePolicyDocument` gets: the document itself when every key is
 * known at synth, or — when a key is a token (the IRSA issuer of a cluster created in the same
 * stack) — one JSON string assembled with `Fn::Join`. The property accepts both; no `CfnJson`,
 * no custom resource, no Lambda.
 * @internal
 */
export function renderTrustDocument(scope: IConstruct, document: TrustDocument): any {
  return hasTokenKey(document) ? Stack.of(scope).toJsonString(document) : document;
}

/**
 * Characters IAM counts against the trust policy quota: the JSON without whitespace.
 * @internal
 */
export function trustDocumentSize(document: TrustDocument): number {
  return JSON.stringify(document).replace(/\s/g, '').length;
}

/** IAM's default quota for a role trust policy (characters without whitespace). */
export const TRUST_POLICY_DEFAULT_QUOTA = 2048;
