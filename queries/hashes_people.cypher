// name: hashes_people
// params:
// The content hash of every Person held: a re-load sends only rows whose hash is not here.
MATCH (x:Person)
RETURN collect({h: x.h}) AS rows
