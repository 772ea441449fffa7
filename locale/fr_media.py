"""French for kb/media: the media view adds no text of its own (refusals use the site's
login page and 403 page, whose strings are already translated)."""

FRENCH = {}
