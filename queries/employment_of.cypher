// name: employment_of
// params: person_id
MATCH (:Person {id: $person_id})-[w:WORKS_AT]->(o:Organization)
RETURN $person_id AS person_id, o.id AS org_id, properties(w) AS props
ORDER BY w.seq
