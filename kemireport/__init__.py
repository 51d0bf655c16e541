"""kemireport: kaupunkistrategian puolivuotisseuranta."""

__version__ = "0.1.0"
