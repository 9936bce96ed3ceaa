/*
 * Kubernetes names the library writes or relies on.
 */

/** The label the library puts on every object it writes. */
export const MANAGED_BY_LABEL: { readonly [key: string]: string } = { 'app.kubernetes.io/managed-by': 'cdk-eks-identity' };

/** Namespaces that always exist in an EKS cluster: the library never emits them. */
export const BUILT_IN_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** The RBAC API group. */
export const RBAC_API_GROUP = 'rbac.authorization.k8s.io';

/**
 * The first line of a Kubernetes YAML file the library writes: it names the cluster the objects
 * are for (its literal name, or `<stack name>/<logical id>` of an unnamed `AWS::EKS::Cluster`), so
 * the rule pack, the report and the test helpers attribute them without guessing.
 */
export const KUBERNETES_FILE_CLUSTER_HEADER = '# cdk-eks-identity cluster: ';

/**
 * The group whose members bypass RBAC: cluster administrators
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles). Access
 * entries cannot use it; `AmazonEKSClusterAdminPolicy` replaces it.
 */
export const SYSTEM_MASTERS_GROUP = 'system:masters';

/**
 * The default ClusterRole that allows every action on every resource; bound by a
 * ClusterRoleBinding it makes its subjects cluster administrators
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles).
 */
export const CLUSTER_ADMIN_CLUSTER_ROLE = 'cluster-admin';
