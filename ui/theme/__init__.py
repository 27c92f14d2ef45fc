"""The window's visual design: palette roles, the style sheet built from them, tinted icons."""
