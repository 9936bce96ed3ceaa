import { CheckLevel } from '../check-types';
import { at, Rule } from '../rule';

/** EKSID-ACCESS-007: access entries need a cluster that reads the EKS API. */
export const accessEntryAuthenticationMode: Rule = {
  id: 'EKSID-ACCESS-007',
  statement: 'A cluster with access entries has authentication mode API or API_AND_CONFIG_MAP.',
  level: CheckLevel.ERROR,
  fix: 'set AccessConfig.AuthenticationMode to API (or API_AND_CONFIG_MAP while migrating from aws-auth); the change is one-way',
  check: (model) => model.clusters.flatMap((cluster) => {
    const entries = model.accessEntriesOfCluster(cluster.key);
    const mode = cluster.authenticationMode ?? 'CONFIG_MAP';
    if (entries.length === 0 || mode !== 'CONFIG_MAP') return [];
    return [{
      ...at(cluster, 'Properties/AccessConfig/AuthenticationMode'),
      message: `cluster ${cluster.logicalId} has authentication mode CONFIG_MAP${cluster.authenticationMode ? '' : ' (not set: the CloudFormation default)'} `
        + `but ${entries.length} access entries (${entries.map((e) => e.logicalId).join(', ')}): EKS rejects access entries in that mode`,
      fix: accessEntryAuthenticationMode.fix,
    }];
  }),
};
