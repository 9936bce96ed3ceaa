import * as fs from 'fs';
import { Template } from 'aws-cdk-lib/assertions';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IdentityMode, KubernetesObjectsDelivery } from '../../src';
import { newApp, newCluster, newStack } from '../support/fixtures';

test('KUBECTL delivery applies the chart once, after every identity was added, through the cluster\'s kubectl provider', () => {
  const app = newApp();
  const stack = newStack(app);
  const cluster = newCluster(stack, 'nodegroup', {
    kubernetesObjectsDelivery: KubernetesObjectsDelivery.KUBECTL,
    kubectlProviderOptions: {
      kubectlLayer: lambda.LayerVersion.fromLayerVersionArn(stack, 'Kubectl', 'arn:aws:lambda:ap-northeast-2:123456789012:layer:kubectl:1'),
    },
  });
  cluster.addWorkloadIdentity('Irsa', { namespace: 'apps', serviceAccountName: 'reader', mode: IdentityMode.IRSA, createNamespace: true });
  cluster.addWorkloadIdentity('Pod', { namespace: 'apps', serviceAccountName: 'writer', mode: IdentityMode.POD_IDENTITY });

  const template = Template.fromStack(stack);
  const manifests = template.findResources(eks.KubernetesManifest.RESOURCE_TYPE);
  expect(Object.keys(manifests)).toHaveLength(1);
  const manifest = JSON.stringify(Object.values<any>(manifests)[0].Properties.Manifest);
  // The chart as added last: the namespace and both service accounts, the IRSA one annotated.
  expect(manifest).toContain('\\"kind\\":\\"Namespace\\"');
  expect(manifest).toContain('\\"name\\":\\"reader\\"');
  expect(manifest).toContain('\\"name\\":\\"writer\\"');
  expect(manifest).toContain('eks.amazonaws.com/role-arn');

  // No YAML file in the assembly with KUBECTL delivery.
  const assembly = app.synth();
  expect(fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.k8s.yaml'))).toEqual([]);
});
