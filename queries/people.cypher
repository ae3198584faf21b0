// name: people
// params:
MATCH (p:Person)
RETURN properties(p) AS props
ORDER BY p.id
