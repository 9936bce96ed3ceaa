import { AccessEntryType } from './access-entry-type';

/*
 * The Kubernetes groups and usernames of `aws-auth` mappings (EKS user guide,
 * https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html and, for hybrid nodes,
 * https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-cluster-prep.html), and the
 * usernames EKS gives the node access entries that replace them ("Create access entries",
 * https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html).
 */

/** The group of identities that may bootstrap a node (with `system:nodes`, marks a node role). */
export const BOOTSTRAPPERS_GROUP = 'system:bootstrappers';
/** The group of nodes (with `system:bootstrappers`, marks a node role). */
export const NODES_GROUP = 'system:nodes';
/** The extra group of a Fargate profile's pod execution role. */
export const NODE_PROXIER_GROUP = 'system:node-proxier';
/** The extra group of a Windows node role. */
export const WINDOWS_KUBE_PROXY_GROUP = 'eks:kube-proxy-windows';
/**
 * The group every authenticated identity has (Kubernetes "Authenticating",
 * https://kubernetes.io/docs/reference/access-authn-authz/authentication/): mapping it grants nothing.
 */
export const AUTHENTICATED_GROUP = 'system:authenticated';

/** The groups of node, Fargate and hybrid node mappings; their access entries take none. */
export const NODE_MAPPING_GROUPS: ReadonlySet<string> = new Set([BOOTSTRAPPERS_GROUP, NODES_GROUP, NODE_PROXIER_GROUP, WINDOWS_KUBE_PROXY_GROUP]);

/** The username of EC2 nodes (Linux and Windows): the instance's private DNS name. */
export const EC2_NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}';
/** The username of Fargate pods and hybrid nodes: the role session name. */
export const SESSION_NODE_USERNAME = 'system:node:{{SessionName}}';

/** The username EKS gives each node entry type that a mapping can become. */
export const NODE_ENTRY_USERNAMES: { readonly [type: string]: string } = {
  [AccessEntryType.EC2_LINUX]: EC2_NODE_USERNAME,
  [AccessEntryType.EC2_WINDOWS]: EC2_NODE_USERNAME,
  [AccessEntryType.FARGATE_LINUX]: SESSION_NODE_USERNAME,
  [AccessEntryType.HYBRID_LINUX]: SESSION_NODE_USERNAME,
};
