"""Records -> JSON-shaped dicts (views), text (plain, CSV, JSON) and Rich renderables.

Renderers return; only sco_cli/cli.py prints. Rich is imported in rich_out.py alone, and only
when a table or panel is drawn for a terminal.
"""
