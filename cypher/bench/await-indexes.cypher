// bench only: wait (up to an hour) until every index is online, e.g. after bench/scale.ts rebuilt them.
CALL db.awaitIndexes(3600)
