// name: members
// params: group
MATCH (p:Person)-[:MEMBER_OF]->(:Group {name: $group})
RETURN p.id AS id
ORDER BY id
