// name: groups_of
// params: person_id
MATCH (:Person {id: $person_id})-[:MEMBER_OF]->(g:Group)
RETURN g.name AS name
ORDER BY name
