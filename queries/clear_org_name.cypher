// name: clear_org_name
// params: batch_size
// load --replace: one label at a time (found by its label, not by scanning every node);
// run until it returns 0, in batches that keep each transaction small.
MATCH (n:OrgName)
WITH n LIMIT $batch_size
DETACH DELETE n
RETURN count(*) AS deleted
