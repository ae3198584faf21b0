"""graphkit: turn your professional network into a graph and find out whom to ask."""
