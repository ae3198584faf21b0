// name: clear_graphkit
// params: batch_size
// Only graphkit's own labels; run until it returns 0 (batches keep each transaction small).
MATCH (n)
WHERE n:Person OR n:Organization OR n:Group OR n:Introduction OR n:Target OR n:GraphkitMeta
WITH n LIMIT $batch_size
DETACH DELETE n
RETURN count(*) AS deleted
