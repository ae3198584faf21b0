// name: ties_of_people
// params: ids
// Every tie of each of the given people (a tie between two of them comes back twice): the
// last layer of a best-path search walks back from its targets with these.
UNWIND $ids AS id
MATCH (:Person {id: id})-[t:KNOWS]-(:Person)
RETURN collect({lo: startNode(t).id, hi: endNode(t).id, props: properties(t)}) AS rows
