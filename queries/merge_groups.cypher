// name: merge_groups
// params: rows
UNWIND $rows AS row
MERGE (g:Group {name: row.name})
