// name: hashes_groups
// params:
// The content hash of every Group held: a re-load sends only rows whose hash is not here.
MATCH (x:Group)
RETURN collect({h: x.h}) AS rows
