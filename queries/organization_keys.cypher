// name: organization_keys
// params:
MATCH (o:Organization)
RETURN o.id AS key
