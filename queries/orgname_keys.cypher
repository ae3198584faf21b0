// name: orgname_keys
// params:
MATCH (k:OrgName)
RETURN k.key AS key
