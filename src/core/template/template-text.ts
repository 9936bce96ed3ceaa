/*
 * CloudFormation values as text, as the rule pack, the report, the diff and the test helpers read
 * synthesized templates. Every intrinsic function becomes a placeholder string that is
 * deterministic for the same intrinsic (`${Ref:Bucket}`, `${GetAtt:Role.Arn}`,
 * `${Select:1,${Split:oidc-provider/,${Ref:Provider}}}`), so values compare as plain strings and a
 * JSON document built with `Fn::Join` can be parsed with `JSON.parse`. Placeholders never contain
 * quotes or backslashes, so they are safe inside JSON string literals.
 */

/** A parsed template resource. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: { [key: string]: any };
  readonly Metadata?: { [key: string]: any };
}

/** Whether a value is one CloudFormation intrinsic function (`{"Ref": ...}`, `{"Fn::X": ...}`). */
export function isIntrinsic(value: any): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/**
 * Turns CloudFormation values into text, remembering what each placeholder stands for. One instance
 * per template: `Fn::GetAtt` of a `Custom::AWSCDKCfnJson` resource's `Value` is replaced by the JSON
 * that resource holds (aws-cdk-lib builds IRSA conditions that way).
 */
export class TemplateText {
  private readonly intrinsics = new Map<string, any>();

  constructor(private readonly resources: { [logicalId: string]: CfnResource }) {}

  /** The intrinsic a placeholder stands for, if it was made by this instance. */
  public intrinsicOf(placeholder: string): any {
    return this.intrinsics.get(placeholder);
  }

  /** The value as a string: literals as they are, `Fn::Join`/`Fn::Sub` joined, other intrinsics as placeholders. */
  public text(value: any): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value === undefined || value === null) return '';
    if (isIntrinsic(value)) {
      const [fn, args] = Object.entries(value)[0];
      if (fn === 'Fn::Join' && Array.isArray(args) && Array.isArray(args[1])) {
        return args[1].map((part: any) => this.text(part)).join(String(args[0]));
      }
      if (fn === 'Fn::Sub') return this.sub(args);
      return this.placeholder(value);
    }
    return JSON.stringify(this.document(value));
  }

  /**
   * A JSON document given as an object, a JSON string, `Fn::Join`/`Fn::Sub` or a CfnJson reference.
   * Intrinsics inside become placeholder strings. `undefined` when the text is not valid JSON.
   */
  public document(value: any): any {
    const cfnJson = this.cfnJsonValue(value);
    if (cfnJson !== undefined) return this.document(cfnJson);
    if (typeof value === 'string' || isIntrinsic(value)) {
      try {
        return JSON.parse(this.text(value));
      } catch {
        return undefined;
      }
    }
    if (Array.isArray(value)) return value.map((v) => this.value(v));
    if (value !== null && typeof value === 'object') {
      const out: { [key: string]: any } = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.value(v);
      return out;
    }
    return value;
  }

  /** An element inside a document: literals stay, intrinsics become text (or the CfnJson document). */
  private value(value: any): any {
    if (this.cfnJsonValue(value) !== undefined) return this.document(value);
    if (isIntrinsic(value)) return this.text(value);
    if (value !== null && typeof value === 'object') return this.document(value);
    return value;
  }

  private cfnJsonValue(value: any): any {
    const getAtt = isIntrinsic(value) ? value['Fn::GetAtt'] : undefined;
    if (!Array.isArray(getAtt) || getAtt[1] !== 'Value') return undefined;
    const resource = this.resources[getAtt[0]];
    return resource?.Type === 'Custom::AWSCDKCfnJson' ? resource.Properties?.Value : undefined;
  }

  private sub(args: any): string {
    const [template, variables] = Array.isArray(args) ? args : [args, {}];
    return String(template).replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
      if (name.startsWith('!')) return '${' + name.slice(1) + '}';
      if (variables && name in variables) return this.text(variables[name]);
      return this.placeholder(name.includes('.') ? { 'Fn::GetAtt': name.split('.') } : { Ref: name });
    });
  }

  private placeholder(intrinsic: any): string {
    const [fn, args] = Object.entries(intrinsic)[0];
    let text: string;
    if (fn === 'Ref') {
      text = '${Ref:' + safe(String(args)) + '}';
    } else if (fn === 'Fn::GetAtt') {
      const [id, ...attribute] = Array.isArray(args) ? args : String(args).split('.');
      text = '${GetAtt:' + safe(String(id)) + '.' + attribute.map((a: any) => this.argument(a)).join('.') + '}';
    } else {
      const list = Array.isArray(args) ? args : [args];
      text = '${' + fn.replace(/^Fn::/, '') + ':' + list.map((a: any) => this.argument(a)).join(',') + '}';
    }
    this.intrinsics.set(text, intrinsic);
    return text;
  }

  private argument(value: any): string {
    if (isIntrinsic(value)) return this.text(value).replace(/["\\]/g, '_');
    if (Array.isArray(value)) return '[' + value.map((v) => this.argument(v)).join(',') + ']';
    if (value !== null && typeof value === 'object') {
      return '[' + Object.entries(value).map(([k, v]) => `${safe(k)}=${this.argument(v)}`).join(',') + ']';
    }
    return safe(String(value));
  }
}

function safe(text: string): string {
  return text.replace(/["\\{}]/g, '_');
}
