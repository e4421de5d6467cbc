// Node counts per label and relationship counts per type, as Neo4j counts them (the exports state and test these).
CALL () {
  MATCH (n) WHERE NOT n:PlanGraphMeta
  UNWIND labels(n) AS name
  RETURN 'label' AS kind, name, count(*) AS count
  UNION ALL
  MATCH (a)-[r]->(b) WHERE NOT a:PlanGraphMeta AND NOT b:PlanGraphMeta
  RETURN 'type' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, name
