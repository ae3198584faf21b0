// name: organization_keys
// params:
MATCH (o:Organization)
RETURN collect({key: o.id}) AS rows
