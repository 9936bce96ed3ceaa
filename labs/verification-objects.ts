import * as cdk8s from 'cdk8s';

const AWS_CLI_IMAGE = 'amazon/aws-cli:latest';

/**
 * The classic lab's test pod: aws-cli sleeping for ten hours under a service account, to `kubectl exec`
 * into and run `aws sts get-caller-identity` / `aws s3 ls` by hand.
 */
export function addAwsCliPod(chart: cdk8s.Chart, name: string, serviceAccountName: string): cdk8s.ApiObject {
  return new cdk8s.ApiObject(chart, `pod-${name}`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      serviceAccountName,
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      containers: [{ name: 'aws-cli', image: AWS_CLI_IMAGE, command: ['sleep', '36000'] }],
    },
  });
}

/**
 * A Job that proves the identity: the caller must be a session of `roleName`, listing S3 must
 * work and writing to S3 must be denied. The Job fails (no retries) when any of it is wrong.
 */
export function addVerificationJob(chart: cdk8s.Chart, name: string, serviceAccountName: string, roleName: string): cdk8s.ApiObject {
  const script = [
    'set -eu',
    'arn=$(aws sts get-caller-identity --query Arn --output text)',
    'echo "caller: $arn"',
    `case "$arn" in *":assumed-role/${roleName}/"*) echo "identity OK" ;; *) echo "expected a session of role ${roleName}"; exit 1 ;; esac`,
    'aws s3 ls',
    'echo "S3 read OK"',
    'if aws s3 mb "s3://verify-write-denied-$(date +%s)" 2>/dev/null; then echo "S3 write unexpectedly allowed"; exit 1; fi',
    'echo "S3 write denied as expected"',
  ].join('\n');
  return new cdk8s.ApiObject(chart, `job-${name}`, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: {
      backoffLimit: 0,
      ttlSecondsAfterFinished: 3600,
      template: {
        spec: {
          serviceAccountName,
          restartPolicy: 'Never',
          containers: [{ name: 'verify', image: AWS_CLI_IMAGE, command: ['/bin/sh', '-c', script] }],
        },
      },
    },
  });
}
