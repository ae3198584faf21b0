// name: merge_memberships
// params: rows
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (g:Group {name: row.group})
MERGE (p)-[m:MEMBER_OF]->(g)
SET m = row.props
