"""Back-health content for Wagtail: page types, blocks and an article importer."""

__version__ = "0.1.0"
