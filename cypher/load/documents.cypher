// Every node and relationship a load writes is stamped with $loadId; load/prune.cypher then removes whatever a
// previous load wrote that this one did not. Readers therefore never see the graph half-empty during a reload.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d = row.props, d.id = row.id, d.loadId = $loadId
