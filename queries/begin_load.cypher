// name: begin_load
// params: as_of
// Marks the database incomplete until finish_load: queries refuse a half-loaded graph.
MERGE (m:GraphkitMeta {id: 'graphkit'})
SET m.complete = false, m.loading_as_of = $as_of
