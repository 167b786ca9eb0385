"""Tools for developers and office IT, not use cases of an office: demo data, the bench,
the measures it shares with the app, and the self-test of a fresh install."""
