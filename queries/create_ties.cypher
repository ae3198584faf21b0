// name: create_ties
// params: rows
// merge_ties for a database that holds no tie yet (a first load, or after --replace): nothing
// to match, so each tie is created without looking for one between the two people.
UNWIND $rows AS row
MATCH (a:Person {id: row.lo})
MATCH (b:Person {id: row.hi})
CREATE (a)-[t:KNOWS]->(b)
SET t = row.props
