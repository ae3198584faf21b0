// name: neighbors
// params: person_id
MATCH (:Person {id: $person_id})-[:KNOWS]-(n:Person)
RETURN n.id AS id
ORDER BY id
