// Fresh load of the curated entities: :Entity plus the row's own label, and the same derived properties as
// cypher/load/entities.cypher (names, aliasesText, nameKey).
UNWIND $rows AS row
CREATE (n:Entity:$(row.label))
SET n = row.props
SET n.id = row.id,
    n.names = [row.props.name] + coalesce(row.props.aliases, []),
    n.aliasesText = reduce(s = '', a IN coalesce(row.props.aliases, []) | s + a + ' '),
    n.nameKey = row.props.lookupKeys[0],
    n.loadId = $loadId
