// name: introductions
// params:
MATCH (i:Introduction)
RETURN properties(i) AS props
ORDER BY i.seq
