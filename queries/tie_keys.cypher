// name: tie_keys
// params:
MATCH (a:Person)-[:KNOWS]->(b:Person)
RETURN collect({key: [a.id, b.id]}) AS rows
