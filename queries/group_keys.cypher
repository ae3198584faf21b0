// name: group_keys
// params:
MATCH (g:Group)
RETURN collect({key: g.name}) AS rows
