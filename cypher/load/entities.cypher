// Every curated entity carries :Entity (the shared id constraint and the full-text index) plus its own label.
// `names` holds the name and every alias for exact lookups; `aliasesText` feeds the full-text index; `nameKey` (the
// normalised name, lookupKeys[0]) is indexed, so a lookup by name is an index seek (cypher/read/entities-by-name).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
SET n = row.props
SET n.id = row.id,
    n.names = [row.props.name] + coalesce(row.props.aliases, []),
    n.aliasesText = reduce(s = '', a IN coalesce(row.props.aliases, []) | s + a + ' '),
    n.nameKey = row.props.lookupKeys[0],
    n.loadId = $loadId
