// name: people_details
// params: ids
// Each person of `ids` with their groups and jobs, in one round trip for a set of people.
UNWIND $ids AS id
MATCH (p:Person {id: id})
OPTIONAL MATCH (p)-[:MEMBER_OF]->(g:Group)
WITH p, collect(g.name) AS groups
OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organization)
WITH p, groups,
     collect(CASE WHEN o IS NULL THEN NULL ELSE {org_id: o.id, props: properties(w)} END) AS jobs
RETURN collect({id: p.id, props: properties(p), groups: groups, jobs: jobs}) AS rows
