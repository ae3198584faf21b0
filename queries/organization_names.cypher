// name: organization_names
// params:
// Every spelling and the name of the organization it resolves to (for suggestions only,
// when a name resolves to nothing).
MATCH (k:OrgName)
RETURN k.key AS key, k.name AS name
