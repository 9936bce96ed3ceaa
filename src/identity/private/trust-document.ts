import { Fn, IResolvable, Token, Tokenization } from 'aws-cdk-lib';

/**
 * One statement of a role trust policy, as plain JSON (values may be CDK tokens).
 */
export interface TrustStatement {
  readonly Effect: 'Allow';
  readonly Principal: { [kind: string]: string };
  readonly Action: string | string[];
  readonly Condition?: { [operator: string]: { [key: string]: string | string[] } };
}

/**
 * A complete trust policy document.
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
 * stack) — one JSON string assembled with `Fn::Sub`, each deploy-time value named once as a
 * variable however often it occurs. The property accepts both; no `CfnJson`, no custom resource,
 * no Lambda.
 */
export function renderTrustDocument(document: TrustDocument): any {
  return hasTokenKey(document) ? jsonStringWithVariables(document) : document;
}

/** `Fn::Sub` of the document's JSON, with one variable per distinct token. */
function jsonStringWithVariables(document: TrustDocument): string {
  const names = new Map<IResolvable, string>();
  const variables: { [name: string]: string } = {};
  const marker = (name: string) => `\u0000${name}\u0000`;
  const fragments = Tokenization.reverseString(JSON.stringify(document)).mapTokens({
    mapToken: (token: IResolvable) => {
      let name = names.get(token);
      if (!name) {
        name = `V${names.size}`;
        names.set(token, name);
        variables[name] = Token.asString(token);
      }
      return marker(name);
    },
  });
  const body: string = fragments.join({ join: (left: any, right: any) => `${left}${right}` });
  const template = body
    .replace(/\$\{/g, '${!')
    .replace(/\u0000(V\d+)\u0000/g, (_match, name) => `\${${name}}`);
  return Fn.sub(template, variables);
}
