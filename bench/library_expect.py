#!/usr/bin/env python3
"""What the library page must show for the benchmark's filters, computed
from the generated catalogue without Signpost.

    python3 bench/library_expect.py SITE_DIR > expect.json

Reads SITE_DIR/content/catalogue/{vocabulary,resources}.yaml (as written by
generate.py --resources) and SITE_DIR/signpost.yaml (page_size), orders the
resources as Signpost does (year, newest first; then title, case-blind; then
id) and, for each state of the three-click sequence that
library-transfer.mjs performs (category=key-guidance; + audience=donors;
+ language=ar), writes:

- `total`: how many resources match (the N of "Displaying 1 - 10 of N");
- `first`: the ids and catalogue positions of the first page (10 resources);
- `second`: the same for the second page;
- `facets`: the count shown beside every filter value given the other
  filters (what library.js draws).

Uses PyYAML when it is installed (an independent parser); otherwise a line
reader for the exact format generate.py writes.
"""

import json
import re
import sys

STEPS = [
    {"category": "key-guidance"},
    {"category": "key-guidance", "audience": "donors"},
    {"category": "key-guidance", "audience": "donors", "language": "ar"},
]
FACETS = ["category", "audience", "language"]


def load_yaml(path):
    try:
        import yaml
    except ImportError:
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


def flow_list(text):
    text = text.strip()
    assert text.startswith("[") and text.endswith("]"), text
    return [x.strip() for x in text[1:-1].split(",") if x.strip()]


def read_resources(path):
    data = load_yaml(path)
    if data is not None:
        return [{"id": r["id"], "title": r["title"], "year": int(r["year"]),
                 "categories": r["categories"], "audiences": r["audiences"],
                 "languages": [link["language"] for link in r["links"]]} for r in data], "PyYAML"
    resources, cur = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("- id: "):
                cur = {"id": line[6:].strip(), "languages": []}
                resources.append(cur)
            elif line.startswith("  title: "):
                cur["title"] = json.loads(line[9:])
            elif line.startswith("  year: "):
                cur["year"] = int(line[8:])
            elif line.startswith("  categories: "):
                cur["categories"] = flow_list(line[14:])
            elif line.startswith("  audiences: "):
                cur["audiences"] = flow_list(line[13:])
            elif line.startswith("      language: "):
                cur["languages"].append(line[16:].strip())
    return resources, "line reader"


def read_vocabulary(path):
    """Facet values in declared order, and document language -> facet."""
    data = load_yaml(path)
    if data is not None:
        values = {
            "category": [t["id"] for t in data["categories"]],
            "audience": [t["id"] for t in data["audiences"]],
            "language": [t["id"] for t in data["languages"] if t.get("facet", t["id"]) == t["id"]],
        }
        facet_of = {t["id"]: t.get("facet", t["id"]) for t in data["languages"]}
        return values, facet_of
    values = {"category": [], "audience": [], "language": []}
    facet_of, section, last = {}, None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\w+):", line)
            if m:
                section = m.group(1)
                continue
            m = re.match(r"^  - id: (\S+)", line)
            if m:
                last = m.group(1)
                if section in ("categories", "audiences"):
                    values[{"categories": "category", "audiences": "audience"}[section]].append(last)
                elif section == "languages":
                    facet_of[last] = last
                continue
            m = re.match(r"^    facet: (\S+)", line)
            if m and section == "languages":
                facet_of[last] = m.group(1)
    values["language"] = [lang for lang, facet in facet_of.items() if facet == lang]
    return values, facet_of


def page_size(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^page_size:\s*(\d+)", line)
            if m:
                return int(m.group(1))
    return 10


def main():
    site = sys.argv[1]
    resources, parser = read_resources(site + "/content/catalogue/resources.yaml")
    values, facet_of = read_vocabulary(site + "/content/catalogue/vocabulary.yaml")
    size = page_size(site + "/signpost.yaml")
    resources.sort(key=lambda r: (-r["year"], r["title"].lower(), r["id"]))
    of = [{"category": set(r["categories"]), "audience": set(r["audiences"]),
           "language": {facet_of[lang] for lang in r["languages"] if lang in facet_of}}
          for r in resources]

    def matching(state):
        return [i for i, v in enumerate(of) if all(val in v[f] for f, val in state.items() if val)]

    steps = []
    for state in STEPS:
        matches = matching(state)
        facets = {}
        for f in FACETS:
            facets[f] = {}
            for val in values[f]:
                facets[f][val] = len(matching({**state, f: val}))
        steps.append({
            "state": state,
            "total": len(matches),
            "first": [{"id": resources[i]["id"], "ordinal": i} for i in matches[:size]],
            "second": [{"id": resources[i]["id"], "ordinal": i} for i in matches[size:2 * size]],
            "facets": facets,
        })
    json.dump({"n": len(resources), "page_size": size, "parser": parser, "steps": steps}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
