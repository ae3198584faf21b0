// name: ego_pairs
// params: ids, members
// Who knows whom in an ego network, ids only: `ego_ties` without the ties' properties (most
// of its rows), for answers that need the shape of the network and not its strengths.
// `ids` is a batch of the members; `members` maps each member's id to true.
UNWIND $ids AS id
MATCH (:Person {id: id})-[:KNOWS]->(b:Person)
WHERE $members[b.id] IS NOT NULL
RETURN collect({lo: id, hi: b.id}) AS rows
