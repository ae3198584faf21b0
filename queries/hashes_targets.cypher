// name: hashes_targets
// params:
// The content hash of every Target held: a re-load sends only rows whose hash is not here.
MATCH (x:Target)
RETURN collect({h: x.h}) AS rows
