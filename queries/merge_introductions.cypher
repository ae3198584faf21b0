// name: merge_introductions
// params: rows
UNWIND $rows AS row
MERGE (i:Introduction {seq: row.seq})
SET i = row
