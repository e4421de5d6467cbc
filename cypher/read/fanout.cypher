// The graph's real bounds, for the cost limit (src/graphql/limits/bounds.ts): for each relationship type the most
// relationships of that type one node has going out ("out:TYPE") and coming in ("in:TYPE"); the nodes of each label
// ("label:Label"); the longest passage in characters ("text:Passage"); the most quotes one relationship carries
// ("prop:evidence"); all relationships ("relationships"). The API measures this once per load id (a full scan of nodes and relationships: milliseconds
// here, about a second at 1000x), so every unpaged list is costed at the longest it can really be.
CALL () {
  MATCH (n)-[r]->()
  WITH n, type(r) AS type, count(*) AS degree
  RETURN 'out:' + type AS key, max(degree) AS max
  UNION ALL
  MATCH (n)<-[r]-()
  WITH n, type(r) AS type, count(*) AS degree
  RETURN 'in:' + type AS key, max(degree) AS max
  UNION ALL
  MATCH (n)
  UNWIND labels(n) AS label
  RETURN 'label:' + label AS key, count(*) AS max
  UNION ALL
  MATCH (p:Passage)
  RETURN 'text:Passage' AS key, max(size(p.text)) AS max
  UNION ALL
  MATCH ()-[r]->()
  WHERE r.evidence IS NOT NULL
  RETURN 'prop:evidence' AS key, max(size(r.evidence)) AS max
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationships' AS key, count(r) AS max
}
RETURN key, max
