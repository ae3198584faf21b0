// name: person_keys
// params:
MATCH (p:Person)
RETURN collect({key: p.id}) AS rows
