"""TipDesk: an offline-first, encrypted case register for anti-trafficking offices."""

__version__ = "0.1.0"
