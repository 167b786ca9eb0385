"""TipDesk desktop app (PySide6). Qt lives only under this package."""
