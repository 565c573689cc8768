from scripts.folding import fold_marks
from scripts.slugs import slugify


def test_vietnamese_headings_lose_marks_and_keep_d():
    assert slugify("Đầu tư vào Nghệ An") == "dau-tu-vao-nghe-an"
    assert slugify("ĐỊA ĐIỂM – Khu kinh tế") == "dia-diem-khu-kinh-te"


def test_lao_headings_keep_lao_script_with_vowels_and_tones():
    assert slugify("ຕົວເລກສຳຄັນ") == "ຕົວເລກສຳຄັນ"
    assert slugify("ເງະອານ ແລະ ລາວ") == "ເງະອານ-ແລະ-ລາວ"
    assert slugify("ລາວ\u200bເງະອານ") == "ລາວ-ເງະອານ"


def test_punctuation_dropped_and_no_numeric_placeholder():
    assert slugify("Key figures (2024)!") == "key-figures-2024"
    assert slugify("Ví, Giặm?") == "vi-giam"
    assert slugify("  ") == ""


def test_folding_drops_vietnamese_marks_and_leaves_lao_alone():
    assert fold_marks("Đầu tư vào Nghệ An, ĐÔ LƯƠNG") == "Dau tu vao Nghe An, DO LUONG"
    assert fold_marks("ເງະອານ ໄດ້ຮັບ") == "ເງະອານ ໄດ້ຮັບ"
