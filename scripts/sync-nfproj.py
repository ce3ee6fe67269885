#!/usr/bin/env python3
"""Rewrites the first <Compile Include> group of a .nfproj so it lists every .cs file below the project folder.

Usage: python3 scripts/sync-nfproj.py firmware/RetroWalk.Core/RetroWalk.Core.nfproj
Files outside the folder (linked with ..\\) are kept as they are; the device build needs an explicit list.
"""
import os
import re
import sys

for proj in sys.argv[1:]:
    folder = os.path.dirname(proj)
    files = sorted(
        os.path.relpath(os.path.join(d, f), folder).replace('/', '\\')
        for d, _, fs in os.walk(folder)
        for f in fs
        if f.endswith('.cs') and not re.search(r'[\\/](bin|obj)([\\/]|$)', d)
    )
    text = open(proj).read()
    linked = re.findall(r'    <Compile Include="\.\.[^\n]*\n', text)
    items = ''.join(f'    <Compile Include="{f}" />\n' for f in files) + ''.join(linked)
    new = re.sub(r'(  <ItemGroup>\n)(    <Compile Include=[^\n]*\n)+', lambda m: m.group(1) + items, text, count=1)
    open(proj, 'w').write(new)
    print(f'{proj}: {len(files)} files, {len(linked)} linked')
