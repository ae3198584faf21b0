// name: create_jobs
// params: rows
// merge_jobs for a database that holds no job yet: MERGE looks through the relationships
// between the two nodes, and an organization can have thousands.
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (o:Organization {id: row.org_id})
CREATE (p)-[w:WORKS_AT]->(o)
SET w = row.props
