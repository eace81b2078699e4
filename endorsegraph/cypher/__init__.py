"""Cypher: the engine seam (embedded kglite or a Neo4j server), the push and the named-query runner."""
