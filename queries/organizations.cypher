// name: organizations
// params:
// In organizations.csv order: the first organization to claim a spelling keeps it.
MATCH (o:Organization)
RETURN collect({props: properties(o)}) AS rows
