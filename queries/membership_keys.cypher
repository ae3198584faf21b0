// name: membership_keys
// params:
MATCH (p:Person)-[:MEMBER_OF]->(g:Group)
RETURN collect({key: [p.id, g.name]}) AS rows
