"""The bundled dataset: the 2021 NYC mayoral primary around the Stringer allegation."""
