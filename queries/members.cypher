// name: members
// params: group
MATCH (:Group {name: $group})<-[:MEMBER_OF]-(p:Person)
RETURN collect({id: p.id}) AS rows
