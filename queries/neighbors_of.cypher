// name: neighbors_of
// params: ids
// Everyone tied to any of the people `ids` (one layer of a breadth-first search).
UNWIND $ids AS id
MATCH (:Person {id: id})-[:KNOWS]-(v:Person)
WITH DISTINCT v.id AS id
RETURN collect({id: id}) AS rows
