#!/usr/bin/env python3
"""Regenerates the README's configuration table from the ConfigKey enums.

Run from the repository root: python3 tools/config-table.py
ConfigKeyDocumentationTest fails the build when the two disagree.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONFIG = ROOT / "security-impl/src/main/java/dev/portcullis/impl/config"
# The order of ConfigKey.all().
SOURCES = [CONFIG / f"{name}.java" for name in ("CoreKey", "AccountKey", "PolicyKey", "MailKey", "MultiFactorKey", "ThrottleKey", "OAuthKey", "WebAuthnKey")]
README = ROOT / "README.md"

rows = []
bodies = []
for source in SOURCES:
    java = source.read_text(encoding="utf-8")
    bodies.append(java[java.index(" implements ConfigKey {") : java.index("  private final KeySpec spec;")])
body = "\n".join(bodies)
for match in re.finditer(r"^  [A-Z0-9_]+\((.*?)\)[,;]\s*$", body, re.S | re.M):
    args = match.group(1)
    parts = re.findall(r'"(?:[^"\\]|\\.)*"|\bnull\b|\+', args)
    merged = []
    for part in parts:
        if part == "+":
            merged[-1] = merged[-1] + "+"
            continue
        value = None if part == "null" else part[1:-1].replace('\\"', '"')
        if merged and isinstance(merged[-1], str) and merged[-1].endswith("+") and value is not None:
            merged[-1] = merged[-1][:-1] + value
        else:
            merged.append(value)
    prop, default, flask, description = merged
    if default is None:
        shown = "*(required)*"
    elif default == "":
        shown = "*(empty)*"
    else:
        shown = f"`{default}`"
    rows.append(f"| `{prop}` | {shown} | `{flask}` | {description} |")

table = "| property | default | Flask key | meaning |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
readme = README.read_text(encoding="utf-8")
start = readme.index("| property | default | Flask key | meaning |")
end = readme.index("\n\n", start) + 1
README.write_text(readme[:start] + table + readme[end:], encoding="utf-8")
print(f"{len(rows)} keys written to README.md")
