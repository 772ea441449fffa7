"""StreamField blocks of a practice's body: named sections holding rich content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]

SECTION_CHOICES = [
    ("context", _("Context and problem")),
    ("objectives", _("Objectives")),
    ("implementation", _("Implementation")),
    ("results", _("Results and evaluation")),
    ("lessons", _("Lessons learned")),
    ("transferability", _("Transferability")),
]
SECTION_LABELS = dict(SECTION_CHOICES)


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"), max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("credit and licence"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "practices/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(
        label=_("attribution"), max_length=250, help_text=_("Who said it, and where it was published."),
    )

    class Meta:
        icon = "openquote"
        template = "practices/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "practices/blocks/document.html"


class SectionContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("text"))
    figure = FigureBlock(label=_("image"))
    document = DocumentBlock(label=_("document"))
    quote = QuoteBlock(label=_("quotation"))


class SectionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=SECTION_CHOICES, label=_("section"))
    content = SectionContentBlock(label=_("content"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = SECTION_LABELS.get(value["kind"], "")
        return context

    class Meta:
        icon = "list-ul"
        template = "practices/blocks/section.html"
        label = _("section")


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=200)
    role = blocks.CharBlock(label=_("role"), max_length=200, required=False)
    organisation = blocks.CharBlock(label=_("organisation"), max_length=200, required=False)
    email = blocks.EmailBlock(label=_("e-mail"), required=False)
    phone = blocks.CharBlock(label=_("phone"), max_length=50, required=False)

    class Meta:
        icon = "user"


def without_block_ids(data):
    """StreamField raw data without its generated block ids, to compare two contents."""
    if isinstance(data, list):
        return [without_block_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: without_block_ids(value) for key, value in data.items() if key != "id"}
    return data
