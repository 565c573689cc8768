"""Printed handouts: one page each, fonts embedded, QR codes that decode to the right address."""

import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.catalogue.validate import load_catalogue
from scripts.content.parks import load_parks
from scripts.languages import languages

TOOLS = ("pdfinfo", "pdffonts", "pdftoppm", "zbarimg")


@pytest.fixture(scope="module", autouse=True)
def tools():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing {missing}: ./scripts/test installs poppler-utils and zbar-tools")


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def qr_text(pdf: Path, tmp_path: Path) -> str:
    stem = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(pdf), str(stem)], check=True)
    result = subprocess.run(["zbarimg", "-q", "--raw", f"{stem}.png"], capture_output=True, text=True)
    return result.stdout.strip()


def test_every_factsheet_is_one_page_with_a_qr_code_of_its_page(built_site: Path, site_url: str, tmp_path: Path):
    for language in languages():
        for project in load_catalogue().projects:
            pdf = built_site / "print" / language.locale / f"project-{project.id}.pdf"
            assert pages(pdf) == 1, pdf
        project = load_catalogue().projects[0]
        pdf = built_site / "print" / language.locale / f"project-{project.id}.pdf"
        assert qr_text(pdf, tmp_path) == f"{site_url}{language.prefix}projects/{project.id}/"
        park = load_parks().parks[0]
        pdf = built_site / "print" / language.locale / f"park-{park.id}.pdf"
        assert pages(pdf) == 1 and qr_text(pdf, tmp_path) == f"{site_url}{language.prefix}parks/{park.id}/"
        assert (built_site / "print" / language.locale / "catalogue.pdf").is_file()


def test_fonts_are_embedded_and_lao_uses_noto_sans_lao(built_site: Path, tmp_path: Path, artifacts_dir: Path):
    pdf = built_site / "print" / "lo" / f"project-{load_catalogue().projects[0].id}.pdf"
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert listing and all(line.split()[-5] == "yes" for line in listing), listing  # the "emb" column
    assert any("noto-sans-lao" in line.lower() for line in listing)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(artifacts_dir / "factsheet-lo")],
                   check=True)


def map_pixels(pdf: Path, tmp_path: Path) -> int:
    """Pixels of the province map's fill colour (#e4efe8) on the right half of the page."""
    from PIL import Image

    stem = tmp_path / f"{pdf.parent.name}-{pdf.stem}"
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-singlefile", str(pdf), str(stem)], check=True)
    with Image.open(f"{stem}.png") as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        right = rgb.crop((width // 2, 0, width, height)).tobytes()
    pixels = zip(right[0::3], right[1::3], right[2::3])
    return sum(1 for r, g, b in pixels if abs(r - 228) < 8 and abs(g - 239) < 8 and abs(b - 232) < 8)


def test_every_park_factsheet_shows_the_province_map(built_site: Path, tmp_path: Path):
    """Long rows (sources with addresses) once squeezed the map to nothing."""
    for language in languages():
        for park in load_parks().parks:
            pdf = built_site / "print" / language.locale / f"park-{park.id}.pdf"
            assert map_pixels(pdf, tmp_path) > 300, f"no map in {pdf.relative_to(built_site)}"
