// name: ties
// params:
MATCH (a:Person)-[t:KNOWS]->(b:Person)
RETURN properties(t) AS props
ORDER BY a.id, b.id
