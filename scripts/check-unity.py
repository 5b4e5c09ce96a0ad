#!/usr/bin/env python3
"""Finds names that two source files of one target define in the same namespace's unnamed part.

The `ci` and `tsan` presets build in batches (CMAKE_UNITY_BUILD: several .cpp files compiled as
one, three to four times faster from a cold cache); two files that each define `kBase` or `Opt`
inside `namespace {` of the same namespace then collide. Which files share a batch changes as files
are added, so any such pair is refused here, before a build: give one a specific name, or move a
helper both need into a shared header. Exit 1 and one line per clash.
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# One group per build target whose sources may share a batch.
def target_of(path):
    parts = path.split(os.sep)
    if parts[0] == "src":
        return "src/modules" if parts[1] == "modules" else "src/" + parts[1]
    if parts[0] == "bench":  # one executable per file
        return path
    if parts[0] in ("tests", "tools", "fuzz"):
        return "/".join(parts[:2])
    return parts[0]

NAMED_NS = re.compile(r"^namespace ([\w:]+) \{")
ANON_OPEN = re.compile(r"^namespace \{")
DEFS = [
    re.compile(r"^(?:static |inline )*(?:constexpr|const)\b[^=;(]*?\b(\w+)\s*(?:\[[^\]]*\])?\s*(?:=|\{)"),
    re.compile(r"^(?:struct|class|enum class|enum|union) (\w+)\b(?!;)"),
    re.compile(r"^using (\w+) ="),
    re.compile(r"^(?:static |inline |constexpr |\[\[nodiscard\]\] )*[\w:<>,\s\*&]+?[\s\*&](\w+)\((?!.*;\s*$)"),
]

def definitions(path):
    """(namespace, name, line) for each top-level definition inside an unnamed namespace."""
    named, anon_depth, out = [], 0, []
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = NAMED_NS.match(line)
            if m and not line.rstrip().endswith("}"):
                named.append(m.group(1))
                continue
            if ANON_OPEN.match(line):
                anon_depth += 1
                continue
            if line.startswith("}  // namespace") or line.startswith("}  // anonymous namespace"):
                if anon_depth and (line.rstrip().endswith("// namespace") and not re.search(r"// namespace \w", line)):
                    anon_depth -= 1
                elif named:
                    named.pop()
                continue
            if not anon_depth or line[:1] in " \t}#/" or line.startswith("TEST"):
                continue
            for pattern in DEFS:
                m = pattern.match(line)
                if m and m.group(1) not in ("operator", "if", "for", "while", "return", "switch"):
                    out.append(("::".join(named), m.group(1), number))
                    break
    return out

HEADER_DECL = [
    re.compile(r"^(?:struct|class|enum class|enum|union) (\w+)\b"),
    re.compile(r"^using (\w+) ="),
    re.compile(r"^(?:inline )?(?:constexpr|const)\b[^=;(]*?\b(\w+)\s*(?:=|\{)"),
]

def header_names(path):
    """(namespace, name) declared at namespace scope in a header: types, aliases, constants."""
    named, out = [], []
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        for line in f:
            m = NAMED_NS.match(line)
            if m and not line.rstrip().endswith("}"):
                named.append(m.group(1))
                continue
            if line.startswith("}  // namespace") and named:
                named.pop()
                continue
            for pattern in HEADER_DECL:
                m = pattern.match(line)
                if m:
                    out.append(("::".join(named), m.group(1)))
                    break
    return out

def main():
    seen = collections.defaultdict(list)
    declared = collections.defaultdict(list)
    for top in ("src", "tests", "tools", "bench", "fuzz"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            if "node_modules" in dirpath:
                continue
            for name in sorted(files):
                if name.endswith(".hpp"):
                    path = os.path.relpath(os.path.join(dirpath, name), ROOT)
                    for ns, ident in header_names(path):
                        declared[(target_of(path), ns, ident)].append(path)
                if name.endswith(".cpp"):
                    path = os.path.relpath(os.path.join(dirpath, name), ROOT)
                    for ns, ident, line in definitions(path):
                        seen[(target_of(path), ns, ident)].append(f"{path}:{line}")
    clashes = 0
    for (target, ns, ident), where in sorted(seen.items()):
        files = {w.rsplit(":", 1)[0] for w in where}
        if len(files) > 1:
            clashes += 1
            print(f"unity: {ns or '(global)'}::(unnamed)::{ident} defined in {len(files)} files of {target}: "
                  + ", ".join(where))
        elif (target, ns, ident) in declared:
            clashes += 1
            print(f"unity: {ns}::(unnamed)::{ident} in {where[0]} hides {ns}::{ident} of "
                  + ", ".join(declared[(target, ns, ident)]) + " in a batch that includes both")
    return 1 if clashes else 0

if __name__ == "__main__":
    sys.exit(main())
