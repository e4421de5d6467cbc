// Every relationship of the graph for the exports, with its endpoints' ids and labels, in a stable order.
MATCH (a)-[r]->(b)
WHERE NOT a:PlanGraphMeta AND NOT b:PlanGraphMeta
RETURN type(r) AS type, a.id AS start, b.id AS end, labels(a) AS startLabels, labels(b) AS endLabels, properties(r) AS props
ORDER BY type, start, end, elementId(r)
