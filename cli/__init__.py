"""The graphkit command line (installed as the ``graphkit.cli`` package)."""
