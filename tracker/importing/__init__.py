"""Reading previous-year spreadsheets into the ledger: read, find the table, map, parse, plan, apply."""
