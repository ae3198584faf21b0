// name: hashes_organizations
// params:
// The content hash of every Organization held: a re-load sends only rows whose hash is not here.
MATCH (x:Organization)
RETURN collect({h: x.h}) AS rows
