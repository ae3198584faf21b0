// name: ties_of
// params: person_id
// Every tie of one person: analyses that ask about one tie usually ask about its neighbours.
MATCH (p:Person {id: $person_id})-[t:KNOWS]-(:Person)
RETURN collect({lo: startNode(t).id, hi: endNode(t).id, props: properties(t)}) AS rows
