import { App, Environment } from 'aws-cdk-lib';

/** Placeholder account used when none is given: the labs synthesize offline without credentials. */
export const PLACEHOLDER_ACCOUNT = '123456789012';

/**
 * Where the labs deploy and who administers their clusters.
 */
export interface LabEnvironment {
  /** Account and region of the lab stacks. */
  readonly env: Environment;
  /** The IAM role a person uses with kubectl (gets AmazonEKSClusterAdminPolicy). */
  readonly adminRoleArn: string;
}

/**
 * Reads the lab settings from CDK context (`-c account=... -c region=... -c adminRoleArn=...`) or
 * the environment (`CDK_DEFAULT_ACCOUNT`, `LAB_REGION`, `LAB_ADMIN_ROLE_ARN`), with clear
 * placeholders offline (account 123456789012, region ap-northeast-2, role Admin).
 */
export function labEnvironment(app: App): LabEnvironment {
  const account: string = app.node.tryGetContext('account') ?? process.env.CDK_DEFAULT_ACCOUNT ?? PLACEHOLDER_ACCOUNT;
  const region: string = app.node.tryGetContext('region') ?? process.env.LAB_REGION ?? 'ap-northeast-2';
  const adminRoleArn: string = app.node.tryGetContext('adminRoleArn') ?? process.env.LAB_ADMIN_ROLE_ARN
    ?? `arn:aws:iam::${account}:role/Admin`;
  // The lab VPC uses two availability zones; naming them here (as `cdk.context.json` would after a
  // lookup) keeps `cdk synth` offline. Pass real ones with -c to override.
  const zonesKey = `availability-zones:account=${account}:region=${region}`;
  if (app.node.tryGetContext(zonesKey) === undefined) app.node.setContext(zonesKey, [`${region}a`, `${region}c`]);
  return { env: { account, region }, adminRoleArn };
}
