// name: best_paths_layer
// params: frontier, targets
// One layer of the hop-limited best-path search (graphkit.store.neo4j.store, the memory
// store's recurrence): extend each frontier path ({id, people, score}) by one tie to someone
// not yet on it; `targets` (null: anyone) limits the last layer. Per person reached, the best
// score and every path reaching it with that score; the caller keeps the smallest id list.
// Score = the path's score times the tie's strength (multiplied from the source outward).
UNWIND $frontier AS f
MATCH (:Person {id: f.id})-[t:KNOWS]-(v:Person)
WITH f, t, v.id AS id
WHERE NOT id IN f.people AND ($targets IS NULL OR id IN $targets)
WITH id, f.people + [id] AS people, f.score * t.strength AS score
WITH id, max(score) AS top, collect({people: people, score: score}) AS found
RETURN collect({id: id, score: top, tied: [x IN found WHERE x.score = top | x.people]}) AS rows
