"""Cypher queries, one file per query (see graphkit.store.neo4j.queries)."""
