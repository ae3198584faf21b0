// name: merge_ties
// params: rows
// Ties are undirected; the relationship always points from the smaller id to the larger.
UNWIND $rows AS row
MATCH (a:Person {id: row.lo})
MATCH (b:Person {id: row.hi})
MERGE (a)-[t:KNOWS]->(b)
SET t = row.props
