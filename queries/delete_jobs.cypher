// name: delete_jobs
// params: keys
UNWIND $keys AS key
MATCH (:Person {id: key[0]})-[w:WORKS_AT]->(:Organization {id: key[1]})
WHERE w.n = key[2]
// collect: every match found before any is deleted (see delete_ties)
WITH collect(DISTINCT w) AS found
UNWIND found AS w
DELETE w
