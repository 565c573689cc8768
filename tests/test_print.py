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
