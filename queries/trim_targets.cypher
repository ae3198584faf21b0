// name: trim_targets
// params: count
MATCH (t:Target)
WHERE t.seq >= $count
DETACH DELETE t
RETURN count(*) AS deleted
