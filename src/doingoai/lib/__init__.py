"""Plain helpers (no models): environment settings, money, dates and Vietnamese text."""
