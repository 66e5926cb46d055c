"""Learning a convention from uploaded tables: the fitted profile, rows still disagreeing with why, the new
table assessed with it; uploads checked; messages name the file as uploaded."""

from __future__ import annotations

import pytest

from chitieu.messages import ChitieuError
from chitieu.services.convention_uploads import Upload, learn_from_uploads

PAST = """Chỉ tiêu,Mục tiêu,Kết quả,Đánh giá
Tỷ lệ trường đạt chuẩn,≥ 90%,95%,Đạt
Tỷ lệ xã có đường nhựa,≥ 80%,85%,Đạt
Tỷ lệ hộ dùng nước sạch,≥ 70%,75%,Đạt
Tỷ lệ che phủ rừng,≥ 60%,50%,Không đạt
Tỷ lệ lao động qua đào tạo,≥ 65%,40%,Đạt
""".encode()
NEW = "Chỉ tiêu,Mục tiêu,Kết quả\nTỷ lệ thôn có điện,≥ 95%,98%\nTỷ lệ hộ nghèo,< 10%,12%\n".encode()


def test_an_office_calling_a_beaten_floor_dat_is_learned_and_applied() -> None:
    outcome = learn_from_uploads(Upload("bang cu.csv", PAST), Upload("moi.csv", NEW))
    data = outcome.to_dict()
    assert data["default_agreement"] == [1, 5] and data["agreement"] == [4, 5]
    assert data["changed"] == {"floor": ["split", "achieved"]}
    (left,) = data["disagreements"]
    assert (left["row"], left["ours_vi"], left["printed"]) == (6, "Không đạt", "Đạt")
    assert "không thiết lập nào" in left["why"]
    assert [(r["indicator"], r["status_vi"]) for r in data["rows"]] == [("Tỷ lệ thôn có điện", "Đạt"),
                                                                       ("Tỷ lệ hộ nghèo", "Không đạt")]
    default = learn_from_uploads(Upload("moi.csv", PAST.replace("≥ 90%,95%,Đạt".encode(), "≥ 90%,95%,Vượt".encode())))
    assert default.to_dict()["default_agreement"][0] == 2


@pytest.mark.parametrize(("upload", "words"), [
    (Upload("bang.pdf", b"%PDF-1.4"), "không phải bảng .csv hoặc .xlsx"),
    (Upload("bang.csv", b"   "), "bang.csv"),
    (Upload("bang.csv", "Chỉ tiêu,Mục tiêu,Kết quả\nA,≥ 5%,6%\n".encode()), "không có dòng nào"),
    (Upload("../../etc/bang.csv", b"a,b\n1,2\n"), "«bang.csv»"),
])
def test_bad_uploads_get_a_vietnamese_error_naming_the_file(upload: Upload, words: str) -> None:
    with pytest.raises(ChitieuError) as error:
        learn_from_uploads(upload)
    assert words in error.value.message and "chitieu-learn-" not in error.value.message


def test_size_limit() -> None:
    with pytest.raises(ChitieuError) as error:
        learn_from_uploads(Upload("bang.csv", PAST), limit=100)
    assert error.value.code == "upload_too_large"
