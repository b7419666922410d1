"""Translates one unit of a signpost export the way a translation tool does:
reads the file with a third-party library, writes the unit's text in capitals
(its inline codes kept where they are), marks it translated and saves the
file with the same library.

    translate_unit.py FILE.xlf|FILE.po UNIT_ID
"""

import copy
import re
import sys

MARKER = re.compile(r"(</?\d+/?>)")


def xliff(path, unit_id):
    from translate.storage import xliff2

    with open(path, "rb") as f:
        store = xliff2.Xliff2File.parsefile(f)
    unit = next(u for u in store.units if u.getid() == unit_id)
    rich = copy.deepcopy(unit.rich_source)

    def shout(elem):
        for n, sub in enumerate(elem.sub):
            if isinstance(sub, str):
                elem.sub[n] = sub.upper()
            else:
                shout(sub)

    for elem in rich:
        shout(elem)
    unit.rich_target = rich
    unit.markapproved(True)
    with open(path, "wb") as f:
        store.serialize(f)


def po(path, unit_id):
    import polib

    catalog = polib.pofile(path)
    entry = next(e for e in catalog if e.msgctxt == unit_id)
    # The markers stay as they are, as Weblate's and Crowdin's checks want.
    entry.msgstr = "".join(p if MARKER.fullmatch(p) else p.upper() for p in MARKER.split(entry.msgid))
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    catalog.save(path)


if __name__ == "__main__":
    path, unit_id = sys.argv[1], sys.argv[2]
    (po if path.endswith(".po") else xliff)(path, unit_id)
