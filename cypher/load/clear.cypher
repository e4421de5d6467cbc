// A load replaces the whole graph in the same transaction that writes it, so a removed fixture entry disappears
// and a failed load leaves the previous graph as it was.
MATCH (n)
WHERE n:Document OR n:Section OR n:Passage OR n:Entity OR n:Milestone OR n:IndicatorValue OR n:PlanGraphMeta
DETACH DELETE n
