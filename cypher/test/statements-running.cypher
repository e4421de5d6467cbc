// Tests only: how many of PlanGraph's read statements are running in Neo4j now, besides this one.
SHOW TRANSACTIONS YIELD currentQuery, status
WHERE currentQuery CONTAINS 'SHORTEST' AND status = 'Running'
RETURN count(*) AS n
