// name: meta
// params:
MATCH (m:GraphkitMeta {id: 'graphkit'})
RETURN m.me AS me, m.as_of AS as_of, m.model AS model, m.complete AS complete,
       m.source AS source, m.inferred AS inferred, m.digest AS digest
