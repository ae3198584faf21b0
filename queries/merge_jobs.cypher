// name: merge_jobs
// params: rows
// A job is identified by person, organization and n: its place among that person's jobs there.
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (o:Organization {id: row.org_id})
MERGE (p)-[w:WORKS_AT {n: row.props.n}]->(o)
SET w = row.props
