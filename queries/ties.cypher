// name: ties
// params:
MATCH (a:Person)-[t:KNOWS]->(b:Person)
RETURN collect({lo: a.id, hi: b.id, props: properties(t)}) AS rows
