"""What the print formats call: Jinja helpers, the app's print templates, the SOP chart."""
