// name: merge_targets
// params: rows
UNWIND $rows AS row
MERGE (t:Target {seq: row.seq})
SET t = row
