// name: hashes_jobs
// params:
// The content hash of every WORKS_AT relationship held: a re-load sends only rows whose hash is not here.
MATCH ()-[x:WORKS_AT]->()
RETURN collect({h: x.h}) AS rows
