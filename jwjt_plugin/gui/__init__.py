"""Dock panels and widgets. They gather inputs and show results; analysis lives in core."""
