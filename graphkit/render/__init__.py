"""Renderers: one module per answer, each turning an analysis result into text, its documented
JSON and CSV. Renderers return strings; only the CLI writes them out."""
