// name: strengths_of_people
// params: ids
// The strength of every tie of each of the given people, and whom it ties them to (a tie
// between two of them comes back twice): all a best-path search needs to walk a layer; the
// ties along the paths it finds are fetched whole afterwards (ties_between).
UNWIND $ids AS id
MATCH (:Person {id: id})-[t:KNOWS]-(v:Person)
RETURN collect({a: id, b: v.id, strength: t.strength}) AS rows
