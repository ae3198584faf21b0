// name: delete_ties
// params: keys
UNWIND $keys AS key
MATCH (:Person {id: key[0]})-[t:KNOWS]->(:Person {id: key[1]})
// WITH DISTINCT: every match is found before any is deleted (deleting while matching
// fails on some servers with EntityNotFound when a person loses several ties).
WITH DISTINCT t
DELETE t
