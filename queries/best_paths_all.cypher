// name: best_paths_all
// params: source
// literals: max_hops
// Like best_paths, to everyone reachable within max_hops ties (reach over the whole network).
MATCH (s:Person {id: $source})
MATCH p = (s)-[:KNOWS*1..{{max_hops}}]-(t:Person)
WHERE ALL(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[0..i])
WITH t, [n IN nodes(p) | n.id] AS ids, length(p) AS hops,
     reduce(score = 1.0, r IN relationships(p) | score * r.strength) AS score
ORDER BY score DESC, hops
WITH t, collect({ids: ids, score: score, hops: hops}) AS found
WITH t, found, found[0] AS best
RETURN t.id AS target, best.score AS score,
       [f IN found WHERE f.score = best.score AND f.hops = best.hops | f.ids] AS tied
