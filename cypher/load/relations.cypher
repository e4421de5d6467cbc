// Curated facts between entities. One relationship per (from, type, to, document): a second report adds its own.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {documentId: row.props.documentId}]->(b)
SET r = row.props, r.loadId = $loadId
