"""servanda: extract what the parties to international instruments commit to."""
__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"
