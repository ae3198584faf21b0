// name: organization_names
// params:
// Every spelling and the name of the organization it resolves to (for suggestions only,
// when a name resolves to nothing).
MATCH (k:OrgName)
RETURN collect({key: k.key, name: k.name}) AS rows
