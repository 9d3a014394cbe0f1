"""PDF reports (the only home of reportlab): plain data in, PDF bytes out."""
