// `value` is always FLOAT (3 and 9.1 alike), so clients and Cypher see one type.
UNWIND $rows AS row
MATCH (i:Indicator {id: row.indicatorId})
CREATE (i)-[:HAS_VALUE {loadId: $loadId}]->(v:IndicatorValue)
SET v = row.props, v.id = row.id, v.value = toFloat(row.props.value), v.loadId = $loadId
