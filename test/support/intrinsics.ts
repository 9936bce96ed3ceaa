import { ACCOUNT, REGION } from './fixtures';

/**
 * Concrete values for the CloudFormation intrinsics a template refers to, as a deployment would
 * produce them: `Ref` by logical id (or pseudo parameter), `Fn::GetAtt` by `LogicalId.Attribute`.
 */
export interface DeployedValues {
  readonly refs: { [logicalId: string]: string };
  readonly attributes: { [logicalIdDotAttribute: string]: string };
}

/**
 * Replaces every intrinsic in `value` with its concrete value. Supports what trust documents and
 * Kubernetes objects use: `Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Select`, `Fn::Split`. Anything
 * else (or a reference without a value) throws, so a test never silently evaluates a placeholder.
 */
export function resolveIntrinsics(value: any, values: DeployedValues): any {
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, values));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    return resolveIntrinsic(keys[0], value[keys[0]], values);
  }
  const out: any = {};
  for (const [k, v] of Object.entries(value)) out[k] = resolveIntrinsics(v, values);
  return out;
}

function resolveIntrinsic(fn: string, arg: any, values: DeployedValues): any {
  switch (fn) {
    case 'Ref': {
      const found = values.refs[arg];
      if (found === undefined) throw new Error(`no deployed value for Ref ${arg}`);
      return found;
    }
    case 'Fn::GetAtt': {
      const key = Array.isArray(arg) ? arg.join('.') : String(arg);
      const found = values.attributes[key];
      if (found === undefined) throw new Error(`no deployed value for Fn::GetAtt ${key}`);
      return found;
    }
    case 'Fn::Join': {
      const [separator, parts] = arg;
      return resolveIntrinsics(parts, values).join(separator);
    }
    case 'Fn::Select': {
      const [index, list] = arg;
      const resolved = resolveIntrinsics(list, values);
      if (!Array.isArray(resolved) || resolved[index] === undefined) throw new Error(`Fn::Select ${index} out of range`);
      return resolved[index];
    }
    case 'Fn::Split': {
      const [separator, source] = arg;
      return String(resolveIntrinsics(source, values)).split(separator);
    }
    case 'Fn::Sub': {
      const [template, variables] = typeof arg === 'string' ? [arg, {}] : arg;
      const resolvedVariables = resolveIntrinsics(variables ?? {}, values);
      return String(template).replace(/\$\{(!?)([^}]*)\}/g, (_m: string, bang: string, name: string) => {
        if (bang) return `\${${name}}`;
        if (resolvedVariables[name] !== undefined) return resolvedVariables[name];
        if (name.includes('.')) return resolveIntrinsic('Fn::GetAtt', name, values);
        return resolveIntrinsic('Ref', name, values);
      });
    }
    default:
      throw new Error(`intrinsic ${fn} is not supported by the test resolver`);
  }
}

/** Options of {@link deployedValues}. */
export interface DeployedValuesOptions {
  readonly account?: string;
  readonly region?: string;
  /** Issuer (without `https://`) per EKS cluster logical id; generated when not given. */
  readonly issuers?: { [clusterLogicalId: string]: string };
  /** Extra or overriding values. */
  readonly refs?: { [logicalId: string]: string };
  readonly attributes?: { [logicalIdDotAttribute: string]: string };
}

/**
 * The values a deployment of `template` would give its EKS clusters, OIDC providers and IAM
 * roles: cluster name/ARN/issuer, the provider ARN (from the issuer its `Url` names), role ARNs
 * (from `RoleName`), plus the pseudo parameters.
 */
export function deployedValues(template: any, options: DeployedValuesOptions = {}): DeployedValues {
  const account = options.account ?? ACCOUNT;
  const region = options.region ?? REGION;
  const refs: { [k: string]: string } = {
    'AWS::Partition': 'aws', 'AWS::AccountId': account, 'AWS::Region': region, 'AWS::URLSuffix': 'amazonaws.com',
  };
  const attributes: { [k: string]: string } = {};
  const resources: { [id: string]: any } = template.Resources ?? {};
  let clusterIndex = 0;
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::EKS::Cluster') continue;
    const name = typeof resource.Properties?.Name === 'string' ? resource.Properties.Name : `cluster-${id.toLowerCase()}`;
    const hex = (clusterIndex++).toString(16).toUpperCase().padStart(32, 'C');
    const issuer = options.issuers?.[id] ?? `oidc.eks.${region}.amazonaws.com/id/${hex}`;
    refs[id] = name;
    attributes[`${id}.Arn`] = `arn:aws:eks:${region}:${account}:cluster/${name}`;
    attributes[`${id}.OpenIdConnectIssuerUrl`] = `https://${issuer}`;
  }
  const partial: DeployedValues = { refs, attributes };
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::IAM::OIDCProvider') {
      const url = String(resolveIntrinsics(resource.Properties.Url, partial)).replace(/^https:\/\//, '');
      refs[id] = `arn:aws:iam::${account}:oidc-provider/${url}`;
      attributes[`${id}.Arn`] = refs[id];
    } else if (resource.Type === 'AWS::IAM::Role') {
      const name = typeof resource.Properties?.RoleName === 'string' ? resource.Properties.RoleName : id;
      refs[id] = name;
      attributes[`${id}.Arn`] = `arn:aws:iam::${account}:role/${name}`;
    }
  }
  return {
    refs: { ...refs, ...options.refs },
    attributes: { ...attributes, ...options.attributes },
  };
}
