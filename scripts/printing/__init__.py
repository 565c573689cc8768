"""Printed handouts: one-page A4 factsheets (projects, industrial parks) and catalogue brochures."""
