"""What the catalogue's validation tests share: a data folder with the real template and vocabularies
and two departments, the good row they vary, and the messages a check gives."""

from __future__ import annotations

import datetime
from pathlib import Path

from scripts.catalogue.validate import load_catalogue

HEADER = ("id,name_vi,name_en,name_lo,sector,locality,lat,lon,area_ha,investment_vnd_bn,form,status,"
          "summary_vi,summary_en,summary_lo,contact,updated,visibility")
GOOD = ('{id},Dự án {id},Project {id},,manufacturing,Hưng Nguyên,18.68,105.63,12.5,300,fdi,calling,'
        '"Mô tả, có dấu phẩy và ""ngoặc kép""\nvà xuống dòng",Summary,,ipa@example.org,2025-03-13,public')
TODAY = datetime.date(2026, 11, 24)



def write(data_dir: Path, name: str, *rows: str, encoding="utf-8", newline="\n", header=HEADER) -> Path:
    path = data_dir / "projects" / name
    path.write_bytes(newline.join([header, *rows, ""]).encode(encoding))
    return path


def messages(data_dir: Path) -> list[str]:
    return [str(problem) for problem in sorted(load_catalogue(data_dir, root=data_dir.parent, today=TODAY).problems)]


def with_visibility(project_id: str, visibility: str) -> str:
    return GOOD.format(id=project_id).removesuffix(",public") + "," + visibility
