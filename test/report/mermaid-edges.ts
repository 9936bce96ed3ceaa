/**
 * The edges of a Mermaid flowchart with node ids replaced by their labels, e.g.
 * `IAM role Admin -->|AmazonEKSClusterAdminPolicy (cluster)| EKS cluster myeks<br/>stack S`.
 */
export function mermaidEdges(text: string): string[] {
  const labels = new Map<string, string>();
  for (const match of text.matchAll(/^ {2}(\w+)(?:\[|\{\{)"(.*)"(?:\]|\}\})$/gm)) labels.set(match[1], match[2]);
  const edges: string[] = [];
  for (const match of text.matchAll(/^ {2}(\w+) (-->|-\.->)(?:\|"(.*)"\|)? (\w+)$/gm)) {
    const [, from, arrow, label, to] = match;
    expect(labels.has(from)).toBe(true);
    expect(labels.has(to)).toBe(true);
    edges.push(`${labels.get(from)} ${arrow}${label !== undefined ? `|${label}|` : ''} ${labels.get(to)}`);
  }
  return edges;
}
