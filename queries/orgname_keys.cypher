// name: orgname_keys
// params:
MATCH (k:OrgName)
RETURN collect({key: k.key}) AS rows
