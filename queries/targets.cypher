// name: targets
// params:
MATCH (t:Target)
RETURN properties(t) AS props
ORDER BY t.seq
