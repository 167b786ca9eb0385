"""Who may do what: accounts and roles, permissions, the audit trail, re-keying the
database when someone leaves, and the analysts' de-identified copy."""
