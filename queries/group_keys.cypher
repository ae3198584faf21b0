// name: group_keys
// params:
MATCH (g:Group)
RETURN g.name AS key
