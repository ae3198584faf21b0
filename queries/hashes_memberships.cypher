// name: hashes_memberships
// params:
// The content hash of every MEMBER_OF relationship held: a re-load sends only rows whose hash is not here.
MATCH ()-[x:MEMBER_OF]->()
RETURN collect({h: x.h}) AS rows
