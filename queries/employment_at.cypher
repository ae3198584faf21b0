// name: employment_at
// params: org_id
// Anchored on the organization, so the match starts from its index, not from every person.
MATCH (:Organization {id: $org_id})<-[w:WORKS_AT]-(p:Person)
RETURN collect({person_id: p.id, org_id: $org_id, props: properties(w)}) AS rows
