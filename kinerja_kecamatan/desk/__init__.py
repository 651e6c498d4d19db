"""The desk around the documents: boot info, the sidebar and first screen, the user's language."""
