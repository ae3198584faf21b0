// name: employment_at
// params: org_id
// Anchored on the organization, so the match starts from its index, not from every person.
MATCH (:Organization {id: $org_id})<-[w:WORKS_AT]-(p:Person)
RETURN p.id AS person_id, $org_id AS org_id, properties(w) AS props
ORDER BY w.seq
