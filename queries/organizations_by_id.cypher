// name: organizations_by_id
// params: ids
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN collect({props: properties(o)}) AS rows
