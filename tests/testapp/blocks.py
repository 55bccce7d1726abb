"""A site's own body blocks: the package's body plus a clinic contact card."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from back_health.blocks import PREVIEW_TEMPLATE, BackHealthStreamBlock


class ContactCardBlock(blocks.StructBlock):
    """How to book with the clinic, shown beside the advice."""

    heading = blocks.CharBlock(max_length=255, default=_("Book an appointment"))
    phone = blocks.CharBlock(max_length=50, required=False)
    email = blocks.EmailBlock(required=False)
    opening_hours = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "mail"
        label = _("Contact card")
        template = "back_health_testapp/blocks/contact_card_block.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Book an appointment",
            "phone": "020 7946 0000",
            "email": "physio@example.com",
            "opening_hours": "Monday to Friday, 8am to 6pm",
        }
        description = _("The clinic's phone number, email and opening hours.")


class ClinicBodyBlock(BackHealthStreamBlock):
    """Every block of the package's body, plus the contact card."""

    contact_card = ContactCardBlock()
