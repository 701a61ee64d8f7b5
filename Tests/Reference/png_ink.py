#!/usr/bin/env python3
"""How much of a screenshot is drawn: decodes a PNG (8-bit greyscale, RGB or RGBA, not interlaced; the
kinds Chromium writes) with the standard library alone and prints two numbers: the share of pixels that
differ from white by more than 16 in some channel, and how many distinct colours the image has.

Usage: png_ink.py picture.png   (an independent checker for ReportPageTests; PNG spec, W3C 2003)
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0 and colour in (0, 2, 6), "unsupported PNG kind"
    channels = {0: 1, 2: 3, 6: 4}[colour]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    for line in rows:
        for x in range(width):
            pixel = line[x * channels:(x + 1) * channels]
            yield tuple(pixel[:3]) if channels >= 3 else (pixel[0],) * 3


def main():
    total = inked = 0
    colours = set()
    for pixel in pixels(sys.argv[1]):
        total += 1
        if max(255 - channel for channel in pixel) > 16:
            inked += 1
        if len(colours) < 100000:
            colours.add(pixel)
    print("%.6f %d" % (inked / total if total else 0, len(colours)))


if __name__ == "__main__":
    main()
