// Whether the database holds any node a PlanGraph load writes: if not, the loader takes the CREATE statements
// (cypher/load/create/), which skip every lookup a MERGE makes. Count-store reads: constant time.
RETURN COUNT { (:Document) } + COUNT { (:Section) } + COUNT { (:Passage) } + COUNT { (:Entity) } +
       COUNT { (:Milestone) } + COUNT { (:IndicatorValue) } > 0 AS loaded
