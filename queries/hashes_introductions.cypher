// name: hashes_introductions
// params:
// The content hash of every Introduction held: a re-load sends only rows whose hash is not here.
MATCH (x:Introduction)
RETURN collect({h: x.h}) AS rows
