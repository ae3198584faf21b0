"""The bundled sample network (data only; see make_sample.py)."""
