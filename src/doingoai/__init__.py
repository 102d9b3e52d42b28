"""doingoai: a Vietnamese province's system of record for foreign-affairs work."""

__version__ = "0.1.0"
