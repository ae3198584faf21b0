// name: delete_memberships
// params: keys
UNWIND $keys AS key
MATCH (:Person {id: key[0]})-[m:MEMBER_OF]->(:Group {name: key[1]})
// collect: every match found before any is deleted (see delete_ties)
WITH collect(DISTINCT m) AS found
UNWIND found AS m
DELETE m
