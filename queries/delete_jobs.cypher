// name: delete_jobs
// params: keys
UNWIND $keys AS key
MATCH (:Person {id: key[0]})-[w:WORKS_AT]->(:Organization {id: key[1]})
WHERE w.n = key[2]
WITH DISTINCT w
DELETE w
