// name: delete_organizations
// params: keys
UNWIND $keys AS key
MATCH (o:Organization {id: key})
DETACH DELETE o
