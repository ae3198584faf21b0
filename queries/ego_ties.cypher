// name: ego_ties
// params: center
// literals: radius
// Everyone within radius ties of the center (a trail reaches exactly the people a shortest
// path does), then every tie among them.
MATCH (c:Person {id: $center})
OPTIONAL MATCH (c)-[:KNOWS*1..{{radius}}]-(x:Person)
WITH c, collect(DISTINCT x) AS near
WITH near + [c] AS ego
UNWIND ego AS a
MATCH (a)-[t:KNOWS]->(b:Person)
WHERE b IN ego
RETURN properties(t) AS props
