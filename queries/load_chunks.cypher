// name: load_chunks
// params:
// What the last load recorded about the rows it wrote: per kind of record, a digest of each
// chunk of rows and how many there were (JSON text). A re-load builds and sends only the rows
// of the chunks whose digest changed.
MATCH (m:GraphkitMeta {id: 'graphkit'})
RETURN m.complete AS complete, m.digest AS digest, m.chunks AS chunks
