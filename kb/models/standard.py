from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index

from practices.blocks import RICH_TEXT_FEATURES


class StandardPage(Page):
    """A plain content page: about, methodology, contact."""

    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("text"))),
            ("image", ImageChooserBlock(label=_("image"))),
        ],
        verbose_name=_("body"), blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["kb.HomePage", "kb.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
