// name: ego_ties
// params: ids
// Every tie among the people `ids` (an ego network found layer by layer with neighbors_of):
// each end is looked up by its indexed id, then the ties between them.
MATCH (a:Person)-[t:KNOWS]->(b:Person)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS lo, b.id AS hi, properties(t) AS props
