from wagtail import hooks

from .access import document_access
from .views import refuse


# After Wagtail's own collection-privacy check (order 0), which can ask for a password.
@hooks.register("before_serve_document", order=100)
def check_document_access(document, request):
    """The access rule of media.access on /documents/<id>/<name>: in media's view of
    that URL (views.serve_document), and in Wagtail's own if it is ever reached."""
    if not document_access(request.user, document, request).allowed:
        return refuse(request)
    return None
