// name: delete_ties
// params: keys
UNWIND $keys AS key
MATCH (:Person {id: key[0]})-[t:KNOWS]->(:Person {id: key[1]})
// collect: every match is found before any is deleted (deleting while matching fails on
// some servers with EntityNotFound when a person loses many ties in one batch; WITH DISTINCT
// was not enough on ArcadeDB with 5000 keys).
WITH collect(DISTINCT t) AS found
UNWIND found AS t
DELETE t
