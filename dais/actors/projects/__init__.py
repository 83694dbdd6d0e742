"""Projects: namespaces, settings and the bare repository each one owns."""
