// name: members
// params: group
MATCH (:Group {name: $group})<-[:MEMBER_OF]-(p:Person)
RETURN p.id AS id
ORDER BY id
