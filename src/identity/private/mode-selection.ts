import { IdentityMode, WorkloadPlatform } from '../../core/identity-mode';

/**
 * The facts that decide between pod identity and IRSA.
 * @internal
 */
export interface ModeSelectionInput {
  readonly requested: IdentityMode;
  readonly platform: WorkloadPlatform;
  readonly wildcardSubject: boolean;
  readonly multipleClusters: boolean;
  /** Why the cluster cannot use pod identity, if it cannot. */
  readonly clusterReason?: string;
  /** Why the workload (e.g. a controller version) cannot use pod identity, if it cannot. */
  readonly workloadReason?: string;
  /**
   * Why pod identity may not work with the cluster, when that is not known (an imported cluster
   * whose agent is not known to be installed): `AUTO` then chooses IRSA; an explicit request is
   * honoured with a warning.
   */
  readonly clusterCaution?: string;
}

/**
 * The mode an identity uses and why.
 * @internal
 */
export interface ModeSelection {
  readonly mode: IdentityMode;
  readonly reason: string;
  /** Set when pod identity was requested explicitly but cannot work. */
  readonly podIdentityImpossible?: string;
  /** Set when pod identity was requested explicitly and may not work (see `clusterCaution`). */
  readonly podIdentityCaution?: string;
}

function podIdentityBlocker(input: ModeSelectionInput): string | undefined {
  if (input.wildcardSubject) return 'pod identity has no wildcard namespaces or service accounts';
  if (input.multipleClusters) return 'one role for several clusters is an IRSA trust (pod identity associations are per cluster)';
  if (input.platform === WorkloadPlatform.FARGATE) return 'EKS Pod Identity does not run on AWS Fargate';
  if (input.platform === WorkloadPlatform.WINDOWS) return 'EKS Pod Identity does not run on Windows nodes';
  return input.clusterReason ?? input.workloadReason;
}

/**
 * Chooses between pod identity and IRSA.
 * @internal
 */
export function selectIdentityMode(input: ModeSelectionInput): ModeSelection {
  const blocker = podIdentityBlocker(input);
  switch (input.requested) {
    case IdentityMode.IRSA:
      return { mode: IdentityMode.IRSA, reason: 'IRSA was requested' };
    case IdentityMode.POD_IDENTITY:
      return { mode: IdentityMode.POD_IDENTITY, reason: 'pod identity was requested', podIdentityImpossible: blocker, podIdentityCaution: input.clusterCaution };
    default: {
      const avoid = blocker ?? input.clusterCaution;
      return avoid
        ? { mode: IdentityMode.IRSA, reason: `AUTO chose IRSA: ${avoid}` }
        : { mode: IdentityMode.POD_IDENTITY, reason: 'AUTO chose pod identity: the cluster and the workload support it' };
    }
  }
}
