"""Analyses: one module per question, pure functions over a GraphStore."""
