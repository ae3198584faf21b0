// name: delete_groups
// params: keys
UNWIND $keys AS key
MATCH (g:Group {name: key})
DETACH DELETE g
