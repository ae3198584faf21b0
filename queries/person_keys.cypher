// name: person_keys
// params:
MATCH (p:Person)
RETURN p.id AS key
