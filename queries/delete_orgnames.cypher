// name: delete_orgnames
// params: keys
UNWIND $keys AS key
MATCH (k:OrgName {key: key})
DELETE k
