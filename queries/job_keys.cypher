// name: job_keys
// params:
MATCH (p:Person)-[w:WORKS_AT]->(o:Organization)
RETURN collect({key: [p.id, o.id, w.n]}) AS rows
