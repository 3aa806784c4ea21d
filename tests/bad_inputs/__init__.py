"""The catalogue of bad and real-world inputs every entry point must answer (issue 12)."""
