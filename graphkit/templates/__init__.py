"""The default message templates of ``graphkit ask`` (see README.md in this folder)."""
