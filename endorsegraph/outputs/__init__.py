"""Outputs for people: report tables (table, CSV, JSON, Markdown), HTML graph views and charts."""
