// name: ties_of
// params: person_id
// Every tie of one person: analyses that ask about one tie usually ask about its neighbours.
MATCH (:Person {id: $person_id})-[t:KNOWS]-(:Person)
RETURN properties(t) AS props
