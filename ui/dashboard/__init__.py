"""The manager's dashboard (and each rep's own): its model, tiles, charts, tables, dialogs."""
