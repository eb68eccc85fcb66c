"""Log records as one JSON object per line, for stderr and whatever collects it."""

import json
import logging
import traceback
from datetime import UTC, datetime

from web.middleware import UNHANDLED_EXCEPTION, request_id_var, request_path_var


class JsonFormatter(logging.Formatter):
    """One line per record: time, level, logger, message, request id and path, traceback.

    The request comes from the context the middleware set, or from the record
    itself when Django's request loggers attach it (django.request,
    django.security), so a 500 and its traceback share one line and one id.
    A 500 that web.middleware.GuardedApplication answered on a second pass
    carries the first pass's exception in its request, and Django's line
    about that response gets its traceback.
    """

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        request_id = getattr(request, "id", "") or request_id_var.get()
        path = getattr(request, "path", "") or request_path_var.get()
        if request_id:
            entry["request_id"] = request_id
        if path:
            entry["path"] = path
        if request is not None and getattr(request, "method", None):
            entry["method"] = request.method
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        unhandled = getattr(request, "META", {}).get(UNHANDLED_EXCEPTION)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif unhandled is not None and status_code == 500:
            entry["exception"] = "".join(traceback.format_exception(unhandled)).rstrip()
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
