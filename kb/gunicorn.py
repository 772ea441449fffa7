"""gunicorn's configuration: `gunicorn kb.wsgi -c kb/gunicorn.py` (README, Production).

GUNICORN_BIND (default 127.0.0.1:8000) and WEB_CONCURRENCY (worker processes, default 2:
one per core of a small machine) come from the environment.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Requests are short; a slow one (a search on a cluster under load) must not hold a worker
# for ever.
timeout = 30
graceful_timeout = 30
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
