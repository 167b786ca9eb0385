"""Plumbing with no feature of its own (DESIGN.md section 1): helper processes, reading
ahead on a thread, pausing the garbage collector during bulk work."""
