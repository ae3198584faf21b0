// name: ties
// params:
MATCH (a:Person)-[t:KNOWS]->(b:Person)
RETURN a.id AS lo, b.id AS hi, properties(t) AS props
ORDER BY lo, hi
