// name: ego_ties
// params: ids
// Every tie from one of the people `ids` to someone with a larger id (each tie once, from its
// smaller end, looked up by the indexed id); the caller keeps those whose other end is in `ids`
// too: an ego network found layer by layer with neighbors_of. (Matching every tie and testing
// both ends against the list scans all ties.)
UNWIND $ids AS id
MATCH (a:Person {id: id})-[t:KNOWS]->(b:Person)
RETURN a.id AS lo, b.id AS hi, properties(t) AS props
