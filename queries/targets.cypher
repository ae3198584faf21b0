// name: targets
// params:
MATCH (t:Target)
RETURN collect({props: properties(t)}) AS rows
