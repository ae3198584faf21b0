// name: membership_keys
// params:
MATCH (p:Person)-[:MEMBER_OF]->(g:Group)
RETURN [p.id, g.name] AS key
