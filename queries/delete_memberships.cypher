// name: delete_memberships
// params: keys
UNWIND $keys AS key
MATCH (:Person {id: key[0]})-[m:MEMBER_OF]->(:Group {name: key[1]})
WITH DISTINCT m
DELETE m
