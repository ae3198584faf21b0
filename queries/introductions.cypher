// name: introductions
// params:
MATCH (i:Introduction)
RETURN collect({props: properties(i)}) AS rows
