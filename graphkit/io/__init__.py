"""Readers and writers: parsing kept apart from file opening."""
