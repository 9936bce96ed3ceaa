import { AccessPolicy, IdentityMode } from '../../src';
import { IdentityAssertions } from '../../src/assertions';
import { newCluster, newStack } from '../support/fixtures';
import { countElementReads } from '../support/model-reads';

/*
 * The test helpers answer each assertion from the model's indexes: asserting every one of many
 * identities reads no list of the model from end to end per assertion (no timing involved).
 */

test('asserting each of 60 identities reads fewer list elements than there are assertions', () => {
  const stack = newStack();
  const admin = 'arn:aws:iam::123456789012:role/Admin';
  const cluster = newCluster(stack, 'nodegroup', { admins: [admin] });
  const identities = Array.from({ length: 60 }, (_, i) => cluster.addWorkloadIdentity(`Sa${i}`, {
    namespace: 'apps', serviceAccountName: `sa-${i}`, mode: i % 2 === 0 ? IdentityMode.IRSA : IdentityMode.POD_IDENTITY, roleName: `sa-${i}`,
  }));
  const assertions = IdentityAssertions.fromStack(stack);
  const counter = countElementReads((assertions as any).model);
  identities.forEach((identity, i) => {
    assertions.serviceAccountCanAssume(cluster, 'apps', `sa-${i}`, identity.role);
    assertions.serviceAccountCannotAssume(cluster, 'apps', `sa-${(i + 1) % 60}`, identity.role);
    assertions.principalHasAccess(cluster, admin, AccessPolicy.clusterAdmin());
  });
  expect(counter.reads).toBeLessThan(identities.length);
});
