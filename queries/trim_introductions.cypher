// name: trim_introductions
// params: count
// Introductions are identified by their place in introductions.csv: drop the ones past the end.
MATCH (i:Introduction)
WHERE i.seq >= $count
DETACH DELETE i
RETURN count(*) AS deleted
