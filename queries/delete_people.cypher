// name: delete_people
// params: keys
UNWIND $keys AS key
MATCH (p:Person {id: key})
DETACH DELETE p
