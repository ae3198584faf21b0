// name: ties_of
// params: person_id
// Every tie of one person: analyses that ask about one tie usually ask about its neighbours.
MATCH (p:Person {id: $person_id})-[t:KNOWS]-(:Person)
RETURN startNode(t).id AS lo, endNode(t).id AS hi, properties(t) AS props
