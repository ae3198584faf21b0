// name: merge_orgnames
// params: rows
UNWIND $rows AS row
MERGE (k:OrgName {key: row.key})
SET k = row
