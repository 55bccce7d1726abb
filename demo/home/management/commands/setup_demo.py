"""``manage.py setup_demo``: the demo site's pages, sample content and admin user.

Safe to run again: pages, images and the reviewer that exist are reused (an editor's
changes are kept), nothing is duplicated, and the admin password is reset.
"""

import datetime
import json
import secrets
from io import BytesIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from back_health.conf import back_health_settings
from back_health.models import (
    BackHealthIndexPage,
    BodyRegion,
    CausePage,
    ConditionCause,
    ConditionPage,
    ConditionTreatment,
    RelatedCondition,
    Reviewer,
    TreatmentPage,
)
from home import sample_content as sample
from home.models import HomePage

ARTICLES_DIR = Path(__file__).resolve().parents[3] / "articles"
ADMIN_USERNAME = "admin"
#: Where ``make demo`` serves the site; ``--addr`` (from ``DEMO_ADDR``) overrides it.
DEFAULT_ADDR = "127.0.0.1:8000"


class Command(BaseCommand):
    help = "Create the demo's home page, Back health hub, sample pages and admin user."

    def add_arguments(self, parser):
        parser.add_argument(
            "--addr",
            default=DEFAULT_ADDR,
            help="host:port the demo is served on, for the addresses printed at the end "
            f"(default {DEFAULT_ADDR}; make demo passes DEMO_ADDR).",
        )

    def handle(self, *args, **options):
        base_url = "http://" + options["addr"].removeprefix("http://").rstrip("/")
        with transaction.atomic():
            home = self.ensure_home(options["addr"])
            hub = self.ensure_hub(home)
            reviewer, _created = Reviewer.objects.get_or_create(
                name=sample.REVIEWER["name"], defaults=sample.REVIEWER
            )
            image = self.ensure_image(sample.CONDITIONS[-1]["image"]["title"])
            pages = {}
            for spec in sample.CAUSES:
                pages[spec["slug"]] = self.ensure_page(hub, CausePage, spec, reviewer)
            for spec in sample.TREATMENTS:
                pages[spec["slug"]] = self.ensure_page(hub, TreatmentPage, spec, reviewer)
            for spec in sample.CONDITIONS:
                pages[spec["slug"]] = self.ensure_page(
                    hub, ConditionPage, spec, reviewer, pages=pages, image=image
                )
        self.import_articles(hub)
        action, password = self.ensure_admin()
        # Last and set apart, so the login is not lost among migration and import lines.
        rule = "-" * 72
        self.stdout.write("")
        self.stdout.write(rule)
        self.stdout.write(self.style.SUCCESS(f"{action}."))
        self.stdout.write(f"Site:      {base_url}{hub.url}")
        self.stdout.write(f"Search:    {base_url}/search/?q=lumbago")
        self.stdout.write(f"Admin:     {base_url}/admin/")
        self.stdout.write(f"Login:     {ADMIN_USERNAME}")
        self.stdout.write(f"Password:  {password}")
        self.stdout.write(rule)

    def ensure_home(self, addr):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            placeholder = site.root_page if site else None
            if placeholder and placeholder.specific_class is Page and not placeholder.numchild:
                # Wagtail's "Welcome" page: replaced, as a new project's home page would be.
                placeholder.delete()
            home = HomePage(
                title=sample.HOME["title"], slug=sample.HOME["slug"], intro=sample.HOME["intro"]
            )
            if root.get_children().filter(slug=home.slug).exists():
                home.slug = "riverside"
            root.add_child(instance=home)
            home.save_revision().publish()
            self.report("Created", home)
        else:
            self.report("Kept", home)
        # The site's address is the one the demo is served on, so canonical links, JSON-LD
        # identifiers, the sitemap and the API's URLs point at pages that answer.
        host, _sep, port = addr.removeprefix("http://").rstrip("/").rpartition(":")
        hostname = "localhost" if host in ("", "0.0.0.0", "0", "[::]") else host
        port = int(port) if port.isdigit() else 80
        if site is None:
            site = Site(is_default_site=True)
        site.hostname, site.port, site.root_page = hostname, port, home
        site.save()
        return home

    def ensure_hub(self, home):
        hub = BackHealthIndexPage.objects.child_of(home).first()
        if hub:
            self.report("Kept", hub)
            return hub
        hub = BackHealthIndexPage(
            title=str(back_health_settings.INDEX_TITLE),
            slug=back_health_settings.INDEX_SLUG,
            intro=sample.HUB_INTRO,
            show_in_menus=True,
        )
        home.add_child(instance=hub)
        hub.save_revision().publish()
        self.report("Created", hub)
        return hub

    def ensure_image(self, title):
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, file=ImageFile(draw_back_regions(), name="back-regions.png"))
            image.save()
        return image

    def ensure_page(self, hub, model, spec, reviewer, pages=None, image=None):
        existing = model.objects.child_of(hub).filter(slug=spec["slug"]).first()
        if existing:
            self.report("Kept", existing)
            return existing
        body = spec["body"]
        if image is not None and "image" in spec:
            figure = {
                "image": {"image": image.pk, "alt_text": spec["image"]["alt_text"]},
                "caption": spec["image"]["caption"],
            }
            body = [figure_block(block, figure) for block in body]
        reviewed = timezone.localdate() - datetime.timedelta(days=21)
        fields = {
            key: spec[key]
            for key in ("treatment_kind", "generic_name", "brand_names", "prescription_status")
            if key in spec
        }
        page = model(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            alternate_names=spec["alternate_names"],
            body=json.dumps(body),
            sources=json.dumps([{"type": "source", "value": sample.NICE_NG59}]),
            reviewer=reviewer,
            last_reviewed=reviewed,
            **fields,
        )
        page.next_review_due = page.default_next_review_due(reviewed)
        page.body_regions = list(BodyRegion.objects.filter(slug__in=spec["regions"]))
        # Relations are set before the first revision so that publishing keeps them.
        links = (
            ("cause_links", ConditionCause, "causes"),
            ("treatment_links", ConditionTreatment, "treatments"),
            ("related_links", RelatedCondition, "related"),
        )
        for attribute, link_model, key in links:
            if key in spec:
                setattr(
                    page,
                    attribute,
                    [
                        link_model(target=pages[slug], note=note, sort_order=order)
                        for order, (slug, note) in enumerate(spec[key])
                    ],
                )
        hub.add_child(instance=page)
        page.save_revision().publish()
        self.report("Created", page)
        return page

    def import_articles(self, hub):
        articles = sorted(ARTICLES_DIR.glob("*.md"))
        if "import_back_health" not in get_commands():
            self.stdout.write(
                self.style.WARNING(
                    "The import_back_health command is not available in this version; "
                    f"skipped importing {len(articles)} sample article(s)."
                )
            )
            return
        for path in articles:
            self.stdout.write(f"Importing {path.name}:")
            call_command(
                "import_back_health",
                str(path),
                publish=True,
                parent=str(hub.pk),
                stdout=self.stdout,
            )

    def ensure_admin(self):
        User = get_user_model()
        password = secrets.token_urlsafe(12)
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", password)
            action = "Created the admin user"
        else:
            user.set_password(password)
            user.is_active = user.is_staff = user.is_superuser = True
            user.save()
            action = "The admin user already existed: its password was reset"
        return action, password

    def report(self, action, page):
        self.stdout.write(f"{action} {page.specific_class._meta.verbose_name}: {page.title}")


def figure_block(block, figure):
    """The sample body with the image placeholder filled in."""
    if block["type"] == "image" and block["value"] == "IMAGE":
        return {"type": "image", "value": figure}
    return block


def draw_back_regions():
    """A simple diagram of the five body regions, drawn so the demo needs no binary files."""
    regions = ["Neck", "Upper back", "Middle back", "Lower back", "Pelvis and sacrum"]
    colours = ["#d0e4f5", "#a9cdee", "#7fb5e6", "#005eb8", "#a9cdee"]
    width, band = 640, 64
    picture = PILImage.new("RGB", (width, band * len(regions) + 32), "white")
    draw = ImageDraw.Draw(picture)
    for number, (name, colour) in enumerate(zip(regions, colours, strict=True)):
        top = 16 + number * band
        draw.rectangle([200, top, 260, top + band - 6], fill=colour, outline="#212b32")
        ink = "white" if colour == "#005eb8" else "#212b32"
        draw.text((222, top + 22), str(number + 1), fill=ink)
        draw.text((290, top + 22), name, fill="#212b32")
    out = BytesIO()
    picture.save(out, format="PNG")
    out.seek(0)
    return out
