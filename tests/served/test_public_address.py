"""Served as `make run` serves it, on an arbitrary port, every link the site gives out points
there: pages (the sitemap and what they link to), e-mails (an event proposal made through the
public form, an idea's new status set in the admin), calendar files, PDFs (posters and the
restitution report: text and link annotations) and posters' QR codes. Nothing says
`localhost`, the address Wagtail's Site record has until told otherwise.

The site is read over HTTP without a browser, so this runs with `make test`.
"""

import email
import html
import re
import urllib.error
import urllib.request
from collections import deque
from datetime import date, timedelta
from email import policy
from http.cookiejar import CookieJar
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.reports import pdf
from tests.server import MODERATOR, MODERATOR_LOGIN, demo_server

ASSOCIATION = "bureau@amis-du-lavoir.example.org"
LOCAL_HOSTS = {"localhost", "testserver", "0.0.0.0", "::1", "[::1]"}
ABSOLUTE = re.compile(r"""\b(?:https?|webcal)://[^\s"'<>)\]\\]+""")
# Not crawled: the admin, files that are not the site's own output, and filtered listings
# (the same templates again).
SKIPPED = ("/admin/", "/static/", "/documents/", "/media/original_images/", "/media/images/")
MAX_PAGES = 300
POSTERS = 3  # each costs a WeasyPrint rendering


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("served")
    with demo_server(workdir, setup=[MODERATOR], workers=1) as base_url:
        yield Site(base_url, workdir)


class Site:
    """The served site, read as a visitor's browser would (cookies kept)."""

    def __init__(self, base_url, workdir):
        self.base_url = base_url
        self.netloc = urlsplit(base_url).netloc
        self.workdir = workdir
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, url):
        with self.opener.open(urljoin(self.base_url, url), timeout=60) as response:
            return response.geturl(), response.headers.get_content_type(), response.read()

    def post(self, url, data):
        request = urllib.request.Request(
            urljoin(self.base_url, url), data=urlencode(data, doseq=True).encode(), method="POST"
        )
        with self.opener.open(request, timeout=60) as response:
            return response.geturl(), response.read()

    def submit(self, url, form_selector, values):
        """Fill in the form of the page at `url` (its defaults, then `values`) and send it."""
        page = BeautifulSoup(self.get(url)[2], "html.parser")
        form = page.select_one(form_selector)
        data = {
            field["name"]: field.get("value", "")
            for field in form.select("input[name]")
            if field.get("type") not in ("checkbox", "radio", "file", "submit")
        }
        data.update(values)
        return self.post(urljoin(url, form.get("action") or url), data)

    def open_link(self, link):
        """An e-mailed link, opened by its recipient: followed, and if it opens a page of its
        own that asks to confirm with a button (rather than going on elsewhere), pressed."""
        url, _, body = self.get(link)
        form = BeautifulSoup(body, "html.parser").select_one("main form[method=post]")
        if form is not None and urlsplit(url).path == urlsplit(link).path:
            self.submit(url, "main form[method=post]", {})

    def mails(self):
        """Every e-mail the server and its commands sent so far."""
        messages = []
        sent = sorted((self.workdir / "mail").glob("*.log"), key=lambda p: p.stat().st_mtime_ns)
        for path in sent:
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    messages.append(email.message_from_bytes(chunk, policy=policy.default))
        return messages

    def mail_to(self, address, after):
        """The e-mails to `address` sent after the first `after`."""
        return [m for m in self.mails()[after:] if address in m["To"]]

    def assert_links_here(self, text, where, required=True):
        """No "localhost" anywhere; every absolute address on a local host is the one served."""
        assert "localhost" not in text.lower(), where
        ours = 0
        for link in ABSOLUTE.findall(text):
            parts = urlsplit(html.unescape(link))
            host = parts.hostname or ""
            if host in LOCAL_HOSTS or host.startswith("127."):
                assert parts.netloc == self.netloc, f"{link} in {where}"
                ours += 1
        if required:
            assert ours, f"no link to {self.base_url} in {where}"
        return ours


def same_site_links(site, page_url, body):
    soup = BeautifulSoup(body, "html.parser")
    for tag in soup.select("a[href]"):
        # A calendar app opens webcal:// as http://.
        url = urljoin(page_url, tag["href"].replace("webcal://", "http://", 1)).split("#")[0]
        parts = urlsplit(url)
        if (
            parts.scheme == "http"
            and parts.netloc == site.netloc
            and not parts.query
            and not parts.path.startswith(SKIPPED)
        ):
            yield url


def sitemap_locations(site):
    return re.findall(r"<loc>(.*?)</loc>", site.get("/sitemap.xml")[2].decode())


@pytest.fixture(scope="module")
def crawled(site):
    """The pages reachable from the sitemap and the home pages (MAX_PAGES at most), and the
    files they link to: {url: (content type, body, the page that linked to it)}."""
    listed = [url for url in sitemap_locations(site) if urlsplit(url).netloc == site.netloc]
    start = [*listed, site.base_url + "/fr/", site.base_url + "/en/"]
    queue, seen, found, posters = deque((url, None) for url in start), set(start), {}, 0
    while queue and len(found) < MAX_PAGES:
        url, referrer = queue.popleft()
        if "/affiches/" in url or "/posters/" in url:
            if posters == POSTERS:
                continue
            posters += 1
        _, content_type, body = site.get(url)
        found[url] = (content_type, body, referrer)
        if content_type == "text/html":
            for link in same_site_links(site, url, body):
                if link not in seen:
                    seen.add(link)
                    # A file (a restitution's report) is fetched next, whatever the pages
                    # still to read: the cap on pages never leaves one out.
                    if urlsplit(link).path.startswith("/media/"):
                        queue.appendleft((link, url))
                    else:
                        queue.append((link, url))
    return found


def test_the_sitemap_and_every_page_link_to_the_address_served(site, crawled):
    locations = sitemap_locations(site)
    assert locations
    for location in locations:
        assert location.startswith(site.base_url + "/fr/"), location
    pages = {url: body for url, (kind, body, _) in crawled.items() if kind == "text/html"}
    assert len(pages) > 40
    ours = sum(
        site.assert_links_here(body.decode(), url, required=False) for url, body in pages.items()
    )
    assert ours  # the calendar links, the events' JSON-LD…
    event = next(url for url in pages if "/fr/agenda/forum-des-associations/" in url)
    json_ld = BeautifulSoup(pages[event], "html.parser").find("script", type="application/ld+json")
    assert f'"url": "{event}"' in json_ld.string


def test_calendar_files_link_to_the_address_served(site, crawled):
    feeds = {url: body for url, (kind, body, _) in crawled.items() if kind == "text/calendar"}
    assert any(url.endswith("/agenda.ics") for url in feeds)
    for url, body in feeds.items():
        unfolded = body.decode().replace("\r\n ", "")  # RFC 5545 folds long lines
        site.assert_links_here(unfolded, url)


def test_posters_and_their_qr_codes_lead_to_the_page_served(site, crawled, tmp_path):
    posters = {
        url: (body, page)
        for url, (kind, body, page) in crawled.items()
        if kind == "application/pdf" and "/media/" not in url
    }
    assert len(posters) == POSTERS
    for url, (poster, page) in posters.items():
        assert pdf.qr_codes(poster, tmp_path) == [page], url
        site.assert_links_here(pdf.run("pdftotext", pdf.saved(poster, tmp_path), "-"), url)


def test_the_restitution_reports_link_to_the_address_served(site, crawled, tmp_path):
    reports = [
        body for url, (_, body, _) in crawled.items() if url.endswith(".pdf") and "/media/" in url
    ]
    # The park's restitution and the 2026 budget's, each in French and in English, each
    # linking to the pages of its own language.
    assert len(reports) == 4
    english = 0
    for report in reports:
        text = pdf.run("pdftotext", pdf.saved(report, tmp_path, "report"), "-")
        site.assert_links_here(text, "the report's text")
        links = pdf.links(report, tmp_path)
        assert links
        for link in links:
            assert link.startswith((site.base_url + "/fr/", site.base_url + "/en/")), link
        languages = {link.removeprefix(site.base_url).split("/")[1] for link in links}
        assert len(languages) == 1, links
        english += languages == {"en"}
    assert english == 2


@pytest.fixture(scope="module")
def proposal_mails(site):
    """An association proposes an event through the public form and confirms its address:
    (the confirmation e-mail, the "received" one)."""
    before = len(site.mails())
    day = date.today() + timedelta(days=30)
    site.submit(
        "/fr/agenda-associatif/proposer/",
        "main form.proposal-form",
        {
            "organiser_name": "Les Amis du Lavoir",
            "title": "Nettoyage du lavoir",
            "summary": "Seaux et brosses fournis.",
            "start": f"{day}T09:00",
            "end": f"{day}T12:00",
            "free_entry": "on",
            "place_name": "Lavoir de la rue Basse",
            "email": ASSOCIATION,
        },
    )
    (confirmation,) = site.mail_to(ASSOCIATION, before)
    body = confirmation.get_content()
    site.open_link(next(link for link in ABSOLUTE.findall(body) if "/participation/" in link))
    return site.mail_to(ASSOCIATION, before)


@pytest.fixture(scope="module")
def status_mails(site):
    """A moderator moves a published idea on to "under study" in the admin: its author's
    e-mails."""
    username, password = MODERATOR_LOGIN
    site.submit("/admin/login/", "form", {"username": username, "password": password})
    ideas = "/admin/snippets/participation/idea/"
    _, _, listing = site.get(f"{ideas}?status=published&source=online")
    idea = re.search(rf"{ideas}edit/(\d+)/".encode(), listing).group(1).decode()
    before = len(site.mails())
    action = f"/admin/bulk/participation/idea/change_status/?id={idea}&next={ideas}"
    site.submit(action, "form[method=POST]", {"new_status": "under_study"})
    return site.mails()[before:]


def test_an_event_proposal_is_mailed_with_links_to_the_address_served(site, proposal_mails):
    confirmation, received = proposal_mails
    site.assert_links_here(confirmation.get_content(), "the confirmation e-mail")
    assert "Nettoyage du lavoir" in received["Subject"]
    site.assert_links_here(received.get_content(), "the “received” e-mail")


def test_an_idea_status_mail_links_to_the_address_served(site, status_mails):
    (message,) = status_mails
    site.assert_links_here(message.get_content(), "the idea status e-mail")


def test_every_email_sent_links_to_the_address_served(site, proposal_mails, status_mails):
    """Whatever else was sent meanwhile, by the server or by the demo loader."""
    for message in site.mails():
        subject = str(message["Subject"])
        assert "localhost" not in subject.lower()
        site.assert_links_here(message.get_content(), subject)
