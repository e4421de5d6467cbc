// Any node PlanGraph serves, by id. One row per id found; ids not found are absent.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  MATCH (n:Section {id: id}) RETURN n
  UNION
  MATCH (n:Passage {id: id}) RETURN n
  UNION
  MATCH (n:Document {id: id}) RETURN n
}
RETURN id, n {.*, labels: labels(n)} AS node
