// name: ego_ties
// params: ids, members
// Every tie from one of the people `ids` to someone with a larger id in the ego network
// `members` (a map from each member's id to true): each tie once, from its smaller end, found
// from the indexed id, its other end tested by a map lookup (constant time, where `b.id IN
// $list` scans the list for every tie). `ids` is a batch of the members.
UNWIND $ids AS id
MATCH (:Person {id: id})-[t:KNOWS]->(b:Person)
WHERE $members[b.id] IS NOT NULL
RETURN collect({lo: id, hi: b.id, props: properties(t)}) AS rows
