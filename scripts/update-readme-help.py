#!/usr/bin/env python3
"""Replaces the `--help` block under "## Command line" in README.md with the built binary's help.

    swift build && scripts/update-readme-help.py
"""
import pathlib, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
binary = root / ".build" / "debug" / "supplier-trust"
help_text = subprocess.run([str(binary), "--help"], check=True, capture_output=True, text=True).stdout.strip()
readme = root / "README.md"
text = readme.read_text()
head, sep, rest = text.partition("## Command line\n\n```text\n")
if not sep:
    sys.exit("README.md has no '## Command line' help block")
_, end, tail = rest.partition("\n```\n")
readme.write_text(head + sep + help_text + end + tail)
print("README.md help block updated")
