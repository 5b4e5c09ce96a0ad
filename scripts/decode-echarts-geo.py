#!/usr/bin/env python3
"""Decodes a map of ECharts 4.9.0's map/json (its compressed "UTF8Encoding" GeoJSON) into plain GeoJSON.

Each ring of a compressed map is a string of character pairs: a pair is one point, each character's code
minus 64 a zigzag-encoded delta from the previous point (the ring's first point is the feature's
encodeOffsets), quantised by UTF8Scale (1024 by default). Used once to write web/public/geo/*.json
(data/SOURCES.md); usage: decode-echarts-geo.py IN.json OUT.json
"""
import json
import sys


def decode_ring(ring, offset, scale):
    points, x, y = [], offset[0], offset[1]
    for i in range(0, len(ring), 2):
        dx, dy = ord(ring[i]) - 64, ord(ring[i + 1]) - 64
        x += (dx >> 1) ^ (-(dx & 1))
        y += (dy >> 1) ^ (-(dy & 1))
        points.append([round(x / scale, 6), round(y / scale, 6)])
    return points


def decode(data):
    if not data.get("UTF8Encoding"):
        return data
    scale = data.get("UTF8Scale") or 1024
    for feature in data["features"]:
        geometry = feature["geometry"]
        offsets = geometry.pop("encodeOffsets")
        if geometry["type"] == "Polygon":
            geometry["coordinates"] = [decode_ring(r, offsets[i], scale) for i, r in enumerate(geometry["coordinates"])]
        elif geometry["type"] == "MultiPolygon":
            geometry["coordinates"] = [[decode_ring(r, offsets[p][i], scale) for i, r in enumerate(polygon)]
                                       for p, polygon in enumerate(geometry["coordinates"])]
    data.pop("UTF8Encoding", None)
    data.pop("UTF8Scale", None)
    return data


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        geo = decode(json.load(f))
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(geo, f, ensure_ascii=False, separators=(",", ":"))
