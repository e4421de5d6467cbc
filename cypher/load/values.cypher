UNWIND $rows AS row
MATCH (i:Indicator {id: row.indicatorId})
MERGE (v:IndicatorValue {id: row.id})
SET v += row.props
MERGE (i)-[:HAS_VALUE]->(v)
