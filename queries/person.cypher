// name: person
// params: id
MATCH (p:Person {id: $id})
RETURN properties(p) AS props
