"""Reflex states shared across pages. Nothing here imports pages or components."""
