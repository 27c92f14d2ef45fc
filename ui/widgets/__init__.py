"""Small widgets shared by forms: editors for one kind of value, no data access of their own."""
