"""newsread's terminal room: the command line, the reader app and the Arabic renderer."""

__version__ = "0.2.0"
