// name: ties_between
// params: pairs
// The ties of the given pairs ([smaller id, larger id]), e.g. every step of a set of paths.
UNWIND $pairs AS pair
MATCH (a:Person {id: pair[0]})-[t:KNOWS]->(b:Person {id: pair[1]})
RETURN collect({lo: a.id, hi: b.id, props: properties(t)}) AS rows
