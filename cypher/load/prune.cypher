// Last step of a load: remove every PlanGraph node and relationship an earlier load wrote and this one did not
// (a fixture entry deleted, a fact changed). Nodes first, then relationships between surviving nodes.
CALL () {
  MATCH (n)
  WHERE (n:Document OR n:Section OR n:Passage OR n:Entity OR n:Milestone OR n:IndicatorValue)
    AND coalesce(n.loadId, '') <> $loadId
  DETACH DELETE n
}
CALL () {
  MATCH (n)-[r]->()
  WHERE (n:Document OR n:Section OR n:Passage OR n:Entity OR n:Milestone OR n:IndicatorValue)
    AND coalesce(r.loadId, '') <> $loadId
  DELETE r
}
