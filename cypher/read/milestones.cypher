UNWIND $ids AS id
MATCH (:Entity {id: id})-[:HAS_MILESTONE]->(m:Milestone)
RETURN id, m {.*, ownerId: id} AS milestone
ORDER BY id, m.year, [i IN range(0, size($stageOrder) - 1) WHERE $stageOrder[i] = m.stage][0]
