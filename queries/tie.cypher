// name: tie
// params: a, b
MATCH (:Person {id: $a})-[t:KNOWS]-(:Person {id: $b})
RETURN properties(t) AS props
