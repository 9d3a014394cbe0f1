"""crdesk: offline NACR questionnaires, progress reviews and signed exports for CR clinics."""

__version__ = "0.1.0"
