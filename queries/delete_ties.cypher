// name: delete_ties
// params: keys
UNWIND $keys AS key
MATCH (:Person {id: key[0]})-[t:KNOWS]->(:Person {id: key[1]})
DELETE t
