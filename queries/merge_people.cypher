// name: merge_people
// params: rows
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p = row
