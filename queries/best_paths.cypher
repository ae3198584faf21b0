// name: best_paths
// params: source, targets
// literals: max_hops
// The best simple path from the source to each target with at most max_hops ties.
// Score = product of the stored strengths multiplied from the source outward (the same float
// order as the memory store). Best = higher score, then fewer hops; paths that tie on both
// come back together in `tied` and the caller picks the smallest id list.
// A variable-length match is relationship-unique only, so repeated people are filtered out.
MATCH (s:Person {id: $source})
MATCH p = (s)-[:KNOWS*1..{{max_hops}}]-(t:Person)
WHERE t.id IN $targets
  AND ALL(i IN range(1, length(p)) WHERE NOT nodes(p)[i] IN nodes(p)[0..i])
WITH t, [n IN nodes(p) | n.id] AS ids, length(p) AS hops,
     reduce(score = 1.0, r IN relationships(p) | score * r.strength) AS score
ORDER BY score DESC, hops
WITH t, collect({ids: ids, score: score, hops: hops}) AS found
WITH t, found, found[0] AS best
RETURN t.id AS target, best.score AS score,
       [f IN found WHERE f.score = best.score AND f.hops = best.hops | f.ids] AS tied
