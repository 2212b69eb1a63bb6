"""``harness view``: a local web viewer for error analysis across runs, and its JSON API."""

from .api import API_VERSION, ApiError, ViewerApi
from .runs import RunFolder, discover_runs, found_runs
from .server import ViewerServer, start_in_thread

__all__ = ["API_VERSION", "ApiError", "RunFolder", "ViewerApi", "ViewerServer", "discover_runs", "found_runs",
           "start_in_thread"]
