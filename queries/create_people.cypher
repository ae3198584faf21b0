// name: create_people
// params: rows
// merge_people for a database that holds no person yet.
UNWIND $rows AS row
CREATE (p:Person)
SET p = row
