// name: tie_keys
// params:
MATCH (a:Person)-[:KNOWS]->(b:Person)
RETURN [a.id, b.id] AS key
