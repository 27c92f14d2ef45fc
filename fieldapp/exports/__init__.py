"""Open formats out of the store: visits as iCalendar, contacts as vCard, lists as CSV."""
