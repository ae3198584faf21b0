// name: employment_at_all
// params: org_ids
// Every job at each of the organizations, in one round trip.
UNWIND $org_ids AS org_id
MATCH (:Organization {id: org_id})<-[w:WORKS_AT]-(p:Person)
RETURN collect({person_id: p.id, org_id: org_id, props: properties(w)}) AS rows
