// A statement that runs for as long as $n says (counting in Neo4j), for the test of the statement timeout
// (test/integration/request-data-path.test.ts): nothing the API asks of this small graph runs long enough.
UNWIND range(1, $n) AS x
WITH x WHERE x % 7 = 0
RETURN count(*) AS c
