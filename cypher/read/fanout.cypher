// The graph's real bounds, for the cost limit (src/graphql/limits/bounds.ts), measured once per load id by the API:
//   "out:TYPE" / "in:TYPE"              the most relationships of that type one node has, going out / coming in
//   "out:TYPE:Label" / "in:TYPE:Label"  the same, counting only those whose other end has that label
//   "label:Label"                       the nodes of each label
//   "depth:Section"                     the most sections on one path from a section up to the top (its section path)
//   "prop:evidence"                     the most quotes one relationship carries
//   "relationships:Entity"              the relationships between entities (the most a neighbourhood can show)
// A full scan of nodes and relationships: milliseconds here, about a second at 1000x, once per load.
CALL () {
  MATCH (n)-[r]->()
  WITH n, type(r) AS type, count(*) AS degree
  RETURN 'out:' + type AS key, max(degree) AS max
  UNION ALL
  MATCH (n)<-[r]-()
  WITH n, type(r) AS type, count(*) AS degree
  RETURN 'in:' + type AS key, max(degree) AS max
  UNION ALL
  MATCH (n)-[r]->(m)
  UNWIND labels(m) AS label
  WITH n, type(r) AS type, label, count(*) AS degree
  RETURN 'out:' + type + ':' + label AS key, max(degree) AS max
  UNION ALL
  MATCH (n)<-[r]-(m)
  UNWIND labels(m) AS label
  WITH n, type(r) AS type, label, count(*) AS degree
  RETURN 'in:' + type + ':' + label AS key, max(degree) AS max
  UNION ALL
  MATCH (n)
  UNWIND labels(n) AS label
  RETURN 'label:' + label AS key, count(*) AS max
  UNION ALL
  MATCH (s:Section)
  WHERE NOT EXISTS { (s)<-[:PART_OF]-(:Section) }
  MATCH p = (s)-[:PART_OF*0..]->(:Section)
  RETURN 'depth:Section' AS key, max(length(p)) + 1 AS max
  UNION ALL
  MATCH ()-[r]->()
  WHERE r.evidence IS NOT NULL
  RETURN 'prop:evidence' AS key, max(size(r.evidence)) AS max
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity)
  RETURN 'relationships:Entity' AS key, count(r) AS max
}
RETURN key, max
