"""Records -> JSON-shaped dicts (views), text (plain, CSV, JSON) and Rich renderables.

Renderers return what to print; sco_cli/output.py decides the format and prints it. Rich is
imported in rich_out.py alone, and only when a table or panel is drawn for a terminal.
"""
