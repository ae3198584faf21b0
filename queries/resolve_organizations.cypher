// name: resolve_organizations
// params: names
// Resolve each {name, key} (key: the normalized spelling) by id, else by the indexed
// OrgName key (the organization that claimed that spelling first, decided at load).
UNWIND $names AS n
OPTIONAL MATCH (byid:Organization {id: n.name})
OPTIONAL MATCH (k:OrgName {key: n.key})
OPTIONAL MATCH (bykey:Organization {id: k.org})
RETURN collect({name: n.name, by_id: properties(byid), by_key: properties(bykey)}) AS rows
