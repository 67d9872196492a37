"""Build the explorer's country boundaries (src/dateline/web/static/world.json) from Natural Earth.

Source: the npm package world-atlas 2.0.2 (countries-110m.json: Natural Earth 1:110m admin-0
countries, public domain, as TopoJSON; package ISC licence, (c) Michael Bostock). Run through
`scripts/make-world-map`, which fetches the package with `npm pack`. The output is one SVG path per
country in an equirectangular projection (x = longitude, y = -latitude, one decimal), so the
browser draws it with no map library: {"source", "licence", "countries": [{"id", "name", "d"}]}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def path(rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data; a jump across the antimeridian starts a new sub-path instead of a streak."""
    parts = []
    for points in rings:
        last = None
        for lon, lat in points:
            command = "M" if last is None or abs(lon - last) > 180 else "L"
            parts.append(f"{command}{lon:.1f},{-lat:.1f}")
            last = lon
        parts.append("Z")
    return "".join(parts)


def convert(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring(arcs, r) for polygon in polygons for r in polygon]
        if rings:
            countries.append({"id": geometry.get("id"), "name": geometry["properties"]["name"], "d": path(rings)})
    return {"source": "Natural Earth 1:110m admin-0 countries (public domain), via the npm package world-atlas "
                      "2.0.2 (ISC licence, (c) Michael Bostock); built by scripts/make-world-map",
            "licence": "public domain (Natural Earth)", "countries": countries}


if __name__ == "__main__":
    topo = json.loads(Path(sys.argv[1]).read_text())
    Path(sys.argv[2]).write_text(json.dumps(convert(topo), separators=(",", ":")) + "\n")
