// The first load into a database that holds no PlanGraph graph (src/graph/load.ts decides): CREATE, no lookups.
// Writes exactly what cypher/load/documents.cypher (the reload's MERGE) writes; bench/load-profile.ts compares them.
UNWIND $rows AS row
CREATE (d:Document)
SET d = row.props, d.id = row.id, d.loadId = $loadId
