"""Excel reports: the review workbook, the ledger export, their styles and print setup."""
