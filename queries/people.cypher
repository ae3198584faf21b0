// name: people
// params:
MATCH (p:Person)
RETURN collect({props: properties(p)}) AS rows
