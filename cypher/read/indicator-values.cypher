UNWIND $ids AS id
MATCH (:Indicator {id: id})-[:HAS_VALUE]->(v:IndicatorValue)
RETURN id, v {.*} AS value
ORDER BY id, v.year, v.kind, v.value
