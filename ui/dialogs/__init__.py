"""Dialogs opened from the pages: small forms that call one use case each."""
