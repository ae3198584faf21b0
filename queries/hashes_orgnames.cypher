// name: hashes_orgnames
// params:
// The content hash of every OrgName held: a re-load sends only rows whose hash is not here.
MATCH (x:OrgName)
RETURN collect({h: x.h}) AS rows
