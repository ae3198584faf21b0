// name: create_memberships
// params: rows
// merge_memberships for a database that holds no membership yet: MERGE looks through the
// relationships between the two nodes, and a group can have thousands of members.
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (g:Group {name: row.group})
CREATE (p)-[m:MEMBER_OF]->(g)
SET m = row.props
