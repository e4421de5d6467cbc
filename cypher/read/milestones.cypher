UNWIND $ids AS id
MATCH (:Entity {id: id})-[:HAS_MILESTONE]->(m:Milestone)
RETURN id, m {.*} AS milestone
ORDER BY id, m.year, m.stage
