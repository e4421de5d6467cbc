// Every node of the graph for the exports, in a stable order (label, then id). PlanGraphMeta is bookkeeping of the
// loader, not part of the report's graph.
MATCH (n)
WHERE NOT n:PlanGraphMeta
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY [l IN labels(n) WHERE l <> 'Entity'][0], n.id
