"""Appends settings to the MicroProfile Config file inside a copy of the sample WAR.

Usage: python3 bench/lib/war_config.py WAR 'key=value[\\nkey=value...]'
The WAR is rewritten in place (it is the benchmark's own copy); later lines of a properties file
win, so the appended settings override the sample's.
"""
import os
import sys
import tempfile
import zipfile

ENTRY = "WEB-INF/classes/META-INF/microprofile-config.properties"

war, settings = sys.argv[1], sys.argv[2].replace("\\n", "\n")
fd, rewritten = tempfile.mkstemp(suffix=".war", dir=os.path.dirname(os.path.abspath(war)))
os.close(fd)
found = False
with zipfile.ZipFile(war) as source, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == ENTRY:
            found = True
            data = data + b"\n# added by BENCH_SAMPLE_CONFIG\n" + settings.encode("utf-8") + b"\n"
        target.writestr(item, data)
if not found:
    os.remove(rewritten)
    sys.exit(f"{war} has no {ENTRY}")
os.replace(rewritten, war)
print(f"   {os.path.basename(war)}: added {settings!r}")
