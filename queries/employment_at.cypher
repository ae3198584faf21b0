// name: employment_at
// params: org_id
MATCH (p:Person)-[w:WORKS_AT]->(:Organization {id: $org_id})
RETURN p.id AS person_id, $org_id AS org_id, properties(w) AS props
ORDER BY w.seq
