"""Scanned pages are evened out before recognition: the paper's shade is divided out (a page darker towards a
corner, a photo under a lamp or a worn copier drum, comes out evenly white, its ink still dark; an evenly lit
page is left as it is), and a black-and-white (1-bit) scan has its stair-stepped edges blurred to grey."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from chitieu.readers.scan_layout import bilevel, even_page, flatten_background


def _page(shaded: bool) -> Image.Image:
    width, height = 1240, 1754
    page = Image.new("L", (width, height), 250)
    if shaded:
        # light falls off from the top-left corner to the bottom-right one: the paper there is grey (about 130)
        page = Image.linear_gradient("L").resize((width, height)).point(lambda v: 250 - v // 2)
        page = Image.blend(page, page.transpose(Image.Transpose.ROTATE_90).resize((width, height)), 0.5)
    draw = ImageDraw.Draw(page)
    for row in range(40):
        y = 120 + row * 38
        for col in range(12):
            x = 110 + col * 85
            draw.rectangle((x, y, x + 60, y + 4), fill=20)  # strokes of text, 4 px thick
    return page


def test_a_page_darker_towards_a_corner_comes_out_evenly_white_with_its_ink_dark() -> None:
    page = _page(shaded=True)
    assert page.getpixel((1200, 1700)) < 170  # the shaded corner's paper
    flat = flatten_background(page)
    assert flat.size == page.size
    paper = [flat.getpixel((x, y)) for x, y in ((100, 100), (1200, 1700), (1150, 150), (80, 1650), (620, 900))]
    assert min(paper) >= 235
    ink = [flat.getpixel((x + 30, 122 + row * 38)) for row in (0, 20, 39) for x in (110, 1045)]
    assert max(ink) <= 80


def test_an_evenly_lit_page_is_left_as_it_is() -> None:
    page = _page(shaded=False)
    assert flatten_background(page) is page


def _one_page_pdf(tmp_path: Path, image: Image.Image, name: str) -> Path:
    path = tmp_path / name
    image.save(path, "PDF", resolution=150)
    return path


def test_a_black_and_white_scan_has_its_stair_stepped_edges_blurred_before_recognition(tmp_path: Path) -> None:
    page = _page(shaded=False).point(lambda v: 255 if v > 127 else 0)
    black_and_white = _one_page_pdf(tmp_path, page.convert("1"), "fax.pdf")
    grey = _one_page_pdf(tmp_path, page, "grey.pdf")
    pdf_bw, pdf_grey = pdfium.PdfDocument(str(black_and_white)), pdfium.PdfDocument(str(grey))
    try:
        assert bilevel(pdf_bw[0]) and not bilevel(pdf_grey[0])
        evened = even_page(page, pdf_bw[0], 300)
        assert sum(1 for count in evened.histogram() if count) > 20  # grey edges where there were only black and white
        assert evened.getpixel((600, 20)) == 255 and evened.getpixel((140, 122)) < 128  # paper white, ink dark
        assert even_page(page, pdf_grey[0], 300) is page  # an evenly lit grey page is left as it is
    finally:
        pdf_bw.close()
        pdf_grey.close()
