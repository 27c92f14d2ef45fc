"""Open formats into the store: accounts and contacts from a CSV file."""
