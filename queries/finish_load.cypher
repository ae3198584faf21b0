// name: finish_load
// params: as_of, me, model, source, inferred, digest, chunks
MATCH (m:GraphkitMeta {id: 'graphkit'})
SET m.complete = true, m.as_of = $as_of, m.me = $me, m.model = $model, m.source = $source,
    m.inferred = $inferred, m.digest = $digest, m.chunks = $chunks
REMOVE m.loading_as_of
