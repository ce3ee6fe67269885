#!/usr/bin/env python3
"""Rewrites the first <Compile Include> group of a .nfproj so it lists every .cs file below the project folder.

Usage: python3 scripts/sync-nfproj.py firmware/RetroWalk.Core/RetroWalk.Core.nfproj [more.nfproj ...]
       python3 scripts/sync-nfproj.py --all      (every .nfproj in the repository)
Files outside the folder (linked with ..\\) are kept; for tests/NFUnitTest/NFUnitTest.nfproj every file under
tests/RetroWalk.Tests/Shared is linked, so a new single-source test reaches the device build too.
The device build needs an explicit list; a host test fails when a list is out of step.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_TESTS = os.path.join(ROOT, 'tests', 'RetroWalk.Tests', 'Shared')


def cs_files(folder):
    return sorted(
        os.path.relpath(os.path.join(d, f), folder).replace('/', '\\')
        for d, _, fs in os.walk(folder)
        for f in fs
        if f.endswith('.cs') and not re.search(r'[\\/](bin|obj)([\\/]|$)', d)
    )


def sync(proj):
    folder = os.path.dirname(os.path.abspath(proj))
    files = cs_files(folder)
    text = open(proj).read()
    linked = re.findall(r'    <Compile Include="\.\.[^\n]*\n', text)
    if os.path.basename(proj) == 'NFUnitTest.nfproj':
        rel = os.path.relpath(SHARED_TESTS, folder).replace('/', '\\')
        linked = [f'    <Compile Include="{rel}\\{f}" Link="Shared\\{f}" />\n' for f in cs_files(SHARED_TESTS)]
    items = ''.join(f'    <Compile Include="{f}" />\n' for f in files) + ''.join(linked)
    new = re.sub(r'(  <ItemGroup>\n)(    <Compile Include=[^\n]*\n)+', lambda m: m.group(1) + items, text, count=1)
    open(proj, 'w').write(new)
    print(f'{os.path.relpath(proj, ROOT)}: {len(files)} files, {len(linked)} linked')


projects = sys.argv[1:]
if projects == ['--all']:
    projects = [p for p in glob.glob(os.path.join(ROOT, '**', '*.nfproj'), recursive=True) if '/bin/' not in p and '/obj/' not in p]
for p in projects:
    sync(p)
