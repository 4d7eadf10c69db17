"""Renders a published lesson as a sanitizing notebook viewer would: nbconvert's HTML exporter with
sanitize_html=True, then a bluemonday-like allow-list (GitHub's family of sanitizer): no script, style, link,
iframe, object or embed element, no style / id / on* attribute, and image sources only as files or as
png/jpeg/gif/webp data URIs. Prints a JSON summary. Usage: sanitized_html.py BOOK.ipynb OUT.html"""
import json
import re
import sys

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

ALLOWED_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.I)
DROPPED_ELEMENTS = ["script", "style", "link", "iframe", "object", "embed", "svg"]

source, out = sys.argv[1], sys.argv[2]
notebook = nbformat.read(source, as_version=4)
exporter = HTMLExporter(sanitize_html=True)
html, _ = exporter.from_notebook_node(notebook)

soup = BeautifulSoup(html, "html.parser")
dropped = {"elements": 0, "attributes": 0, "image_sources": 0}
for tag in soup.find_all(DROPPED_ELEMENTS):
    tag.decompose()
    dropped["elements"] += 1
for tag in soup.find_all(True):
    for name in list(tag.attrs):
        if name in ("style", "id") or name.lower().startswith("on"):
            del tag.attrs[name]
            dropped["attributes"] += 1
    if tag.name == "img":
        src = tag.get("src", "")
        if src.startswith("data:") and not ALLOWED_DATA.match(src):
            del tag.attrs["src"]
            dropped["image_sources"] += 1

with open(out, "w", encoding="utf-8") as f:
    f.write(str(soup))
images = soup.find_all("img")
print(json.dumps({
    "images": len(images),
    "png_data_images": sum(1 for i in images if i.get("src", "").startswith("data:image/png;base64,")),
    "dropped": dropped,
}))
