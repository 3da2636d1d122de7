"""Editors create standard pages in the admin; the tree says where they may go."""

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from portal.pages.models import StandardPage


class StandardPageTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        self.home = HomePage(title="Accueil", slug="accueil-test", hero_title="Bienvenue")
        root.add_child(instance=self.home)
        Site.objects.filter(is_default_site=True).update(root_page=self.home)
        self.image = Image.objects.create(title="Place", file=get_test_image_file())

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_editor_creates_a_page_with_blocks(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Mentions légales",
                    "slug": "mentions-legales",
                    "summary": "Qui publie ce site.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Éditeur", "level": "h2", "anchor": "editeur"}),
                            ("paragraph", rich_text("<p>La Ville de Bellecombe.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="mentions-legales")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])

    def test_image_without_alternative_text_is_refused_with_a_clear_error(self):
        response = self.client.post(
            f"/admin/pages/add/pages/standardpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Galerie",
                    "slug": "galerie",
                    "summary": "",
                    "body": streamfield(
                        [
                            (
                                "image",
                                {
                                    "image": self.image.pk,
                                    "decorative": "",
                                    "alt_text": "",
                                    "caption": "",
                                    "credit": "",
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(StandardPage.objects.filter(slug="galerie").exists())
        error = response.context["form"].errors["body"].as_data()[0]
        image_errors = error.block_errors[0].block_errors
        self.assertIn("Décrivez l’image", " ".join(image_errors["alt_text"].messages))

    def test_pages_are_previewable(self):
        page = StandardPage(title="Aperçu", slug="apercu", summary="Résumé")
        self.home.add_child(instance=page)
        self.assertPageIsPreviewable(
            page,
            post_data=nested_form_data(
                {"title": "Aperçu", "slug": "apercu", "summary": "Résumé", "body": streamfield([])}
            ),
        )
        self.assertPageIsRenderable(page)
