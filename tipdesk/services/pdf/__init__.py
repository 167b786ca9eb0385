"""What every PDF TipDesk writes shares: the bundled fonts with their fallbacks and the
paragraph styles (``styles``), and the page furniture — letterhead, page numbers,
reference block, tables, signature (``components``). Letters, reports and the
person-export use them."""
