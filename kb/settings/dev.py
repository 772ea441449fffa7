"""Local development: `make run`. Debug on, e-mails printed to the console."""

import os

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
