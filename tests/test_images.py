"""Photos: WebP variants, cleaned fallback without EXIF/GPS, caching; social cards in Lao script."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageFont

from scripts import images, social_cards
from tests.conftest import copy_project


def photo_with_gps(path: Path, size=(2400, 1600)) -> Path:
    image = Image.new("RGB", size, (30, 120, 80))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x0112] = 1  # orientation
    gps = {1: "N", 2: (18.0, 40.0, 47.5), 3: "E", 4: (105.0, 33.0, 7.2)}
    exif[0x8825] = gps
    image.save(path, exif=exif.tobytes(), quality=90)
    assert Image.open(path).getexif().get_ifd(0x8825), "the fixture must carry GPS data"
    return path


def test_photo_becomes_webp_variants_and_a_clean_fallback(tmp_path: Path):
    source = photo_with_gps(tmp_path / "kim-lien.jpg")
    processed = images.process(source, tmp_path / "cache")
    assert [width for width, _ in processed.variants] == [480, 960, 1600]
    for width, path in processed.variants:
        with Image.open(path) as variant:
            assert variant.format == "WEBP" and variant.width == width
            assert not variant.getexif()
    with Image.open(processed.fallback) as fallback:
        assert (fallback.width, fallback.height) == (processed.width, processed.height) == (1600, 1067)
        assert not fallback.getexif() and not fallback.getexif().get_ifd(0x8825)
    again = images.process(source, tmp_path / "cache")
    assert again == processed  # cached by content hash


def test_unreadable_photo_names_the_file(tmp_path: Path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"not a picture")
    try:
        images.process(bad, tmp_path / "cache")
    except images.ImageError as error:
        assert str(error).startswith(f"{bad}: expected a JPEG or PNG photo")
    else:
        raise AssertionError("expected an ImageError")


def test_photo_in_a_page_is_published_as_picture_without_exif(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "photos").mkdir()
    photo_with_gps(project / "docs" / "photos" / "kim-lien.jpg")
    about = project / "docs" / "about.en.md"
    about.write_text(about.read_text("utf-8") + "\n![Kim Liên, Sen village](photos/kim-lien.jpg)\n", encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "scripts.build_site", "--site-dir", str(site)], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (site / "en" / "about" / "index.html").read_text("utf-8")
    assert '<picture><source type="image/webp" srcset="../../photos/kim-lien-w480.webp 480w' in html
    assert 'width="1600" height="1067" loading="lazy"' in html
    with Image.open(site / "photos" / "kim-lien.jpg") as published:
        assert published.width == 1600 and not published.getexif()
    assert (site / "photos" / "kim-lien-w960.webp").is_file()


def _draws_a_real_glyph(char: str) -> bool:
    path = social_cards._face_for(char, 700)
    font = ImageFont.truetype(str(path), 48)
    missing = font.getmask("\ue000")  # a private-use character: no font here has it, so this is .notdef
    drawn = font.getmask(char)
    if drawn.size != missing.size:
        return True
    return ImageChops.difference(Image.frombytes("L", drawn.size, bytes(drawn)),
                                 Image.frombytes("L", missing.size, bytes(missing))).getbbox() is not None


def test_social_card_fonts_have_every_lao_and_vietnamese_letter_used():
    text = "ເງະອານ – ໂອກາດການລົງທຶນ ແລະ ການຮ່ວມມື ປະຕູຂໍ້ມູນ ຫວຽດນາມ Đầu tư Nghệ An ỳ ữ"
    assert all(_draws_a_real_glyph(char) for char in set(text) if not char.isspace())


def test_social_card_renders(tmp_path: Path, artifacts_dir: Path):
    target = social_cards.render_card("ເງະອານ – ໂອກາດການລົງທຶນ ແລະ ການຮ່ວມມື", "ປະຕູຂໍ້ມູນການລົງທຶນ ແຂວງເງະອານ",
                                      "example.org", tmp_path / "cards")
    with Image.open(target) as card:
        assert card.size == (1200, 630)
    shutil.copyfile(target, artifacts_dir / "social-card-lo.png")


def test_every_page_links_a_card_that_is_published(built_site: Path, site_url: str):
    pages = ["index.html", "en/index.html", "lo/index.html", "en/projects/luxshare-ict-nghe-an-2/index.html"]
    cards = set()
    for page in pages:
        html = (built_site / page).read_text("utf-8")
        address = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
        assert address.startswith(site_url + "assets/cards/"), address
        with Image.open(built_site / address[len(site_url):]) as card:
            assert card.size == (1200, 630)
        cards.add(address)
    assert len(cards) == len(pages)  # each page its own card, in its own language
