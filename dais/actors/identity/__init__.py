"""Identity: users, authentication, roles, delegation and the audit log."""
