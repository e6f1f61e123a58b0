"""Stateless UI pieces."""
