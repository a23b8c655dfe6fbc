#!/usr/bin/env python3
"""The house's rule, checked: which room of src/ may use which, and no circles.

The rule is the table in HACKING.md (the rows whose first cell names a folder of src/ or
src/main.c; "May use" lists the rooms it may include from and call into, besides itself).
Fails (exit 1), naming the file, the line or the symbols, when:
  - a folder under src/ holding code is not a row of the table (HACKING.md names every room);
  - a file includes a project header from a room its own room may not use;
  - with --objects DIR: a compiled unit uses a symbol defined in a unit of a room it may not
    use, or two or more compiled units use each other round a circle (read with nm).
--selftest builds a small house with a bad include and a circle and checks both are found.
Usage: rooms.py SRC_ROOT [--objects BUILD_DIR] | rooms.py --selftest
"""
import os
import re
import subprocess
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def read_rule(hacking):
    """{room: set of rooms it may use} from HACKING.md's table."""
    rule = {}
    for line in open(hacking, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("`src/"):
            continue
        room = cells[0].strip("`").rstrip("/")[len("src/"):]
        uses = set(re.findall(r"`([^`]+)`", cells[-1]))
        rule[room] = {u.rstrip("/").removeprefix("src/") for u in uses}
    return rule


def room_of(rel, rule):
    """The room of a path relative to src/: the longest table row that holds it."""
    best = None
    for room in rule:
        if rel == room or rel.startswith(room + "/"):
            if best is None or len(room) > len(best):
                best = room
    return best


def allowed(frm, to, rule):
    if frm == to:
        return True
    for u in rule.get(frm, ()):
        if u.endswith("/*"):
            if to.startswith(u[:-1]):
                return True
        elif u == to:
            return True
    return False


def code_files(src):
    for root, _, files in os.walk(src):
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                yield os.path.relpath(os.path.join(root, f), src)


def check_rooms_named(src, rule, problems):
    for rel in code_files(src):
        if room_of(rel, rule) is None:
            problems.append(f"src/{rel}: its folder is not a room in HACKING.md's table")


def check_includes(src, rule, problems):
    count = 0
    for rel in code_files(src):
        frm = room_of(rel, rule)
        text = open(os.path.join(src, rel), encoding="utf-8").read()
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            if not os.path.exists(os.path.join(src, inc)):
                continue  # not one of ours (tests' headers, generated ones)
            count += 1
            to = room_of(inc, rule)
            if frm and to and not allowed(frm, to, rule):
                line = text.count("\n", 0, m.start()) + 1
                problems.append(f"src/{rel}:{line}: includes {inc}, but {frm} may not use {to}")
    return count


def nm(path, defined):
    args = ["nm", "--defined-only" if defined else "--undefined-only", "-P", path]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and (not defined or parts[1] in "TDBRGSVW"):
            syms.add(parts[0])
    return syms


def units(objdir, src):
    """{unit path relative to src/: object file} for objects built from src/."""
    found = {}
    for root, _, files in os.walk(objdir):
        for f in files:
            if not f.endswith(".c.o"):
                continue
            path = os.path.join(root, f)
            marker = os.sep + "src" + os.sep
            if marker not in path or "fuzz" in path:
                continue
            rel = path.rsplit(marker, 1)[1][: -len(".o")]
            if os.path.exists(os.path.join(src, rel)):
                found.setdefault(rel, path)
    return found


def circles(graph):
    """Strongly connected components of more than one unit (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def check_objects(objdir, src, rule, problems):
    objs = units(objdir, src)
    if not objs:
        problems.append(f"{objdir}: no compiled units of src/ found (build first)")
        return 0
    defs = {u: nm(o, True) for u, o in objs.items()}
    owner = {}
    for u, syms in defs.items():
        for s in syms:
            owner.setdefault(s, u)
    graph = {u: set() for u in objs}
    ties = {}
    for u, o in objs.items():
        for s in nm(o, False):
            v = owner.get(s)
            if v and v != u:
                graph[u].add(v)
                ties.setdefault((u, v), set()).add(s)
    for (u, v), syms in sorted(ties.items()):
        fu, fv = room_of(u, rule), room_of(v, rule)
        if fu and fv and not allowed(fu, fv, rule):
            problems.append(f"src/{u} calls into src/{v} ({', '.join(sorted(syms)[:4])}), "
                            f"but {fu} may not use {fv}")
    for comp in circles(graph):
        lines = [f"compiled units that use each other round a circle: {', '.join(comp)}"]
        for u in comp:
            for v in comp:
                if (u, v) in ties:
                    lines.append(f"  {u} uses {v}: {', '.join(sorted(ties[(u, v)])[:5])}")
        problems.append("\n".join(lines))
    return len(objs)


def run(src, objdir):
    hacking = os.path.join(src, "..", "HACKING.md")
    if not os.path.exists(hacking):
        print(f"{hacking}: missing (it holds the rule of the rooms)")
        return 1
    rule = read_rule(hacking)
    problems = []
    if not rule:
        problems.append("HACKING.md: no table of rooms found")
    check_rooms_named(src, rule, problems)
    n_inc = check_includes(src, rule, problems)
    n_obj = check_objects(objdir, src, rule, problems) if objdir else 0
    for p in problems:
        print(p)
    if problems:
        print(f"rooms: {len(problems)} problem(s)")
        return 1
    print(f"rooms: {len(rule)} rooms, {n_inc} includes and {n_obj} compiled units follow the rule; no circles")
    return 0


def selftest():
    """A small house with one bad include and one circle: both must be found."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "src")
        for room in ("core/a", "platform/b"):
            os.makedirs(os.path.join(src, room))
        with open(os.path.join(d, "HACKING.md"), "w") as f:
            f.write("| Room | For | May use |\n|---|---|---|\n"
                    "| `src/core/a/` | x | nothing |\n| `src/platform/b/` | y | `core/*` |\n")
        files = {
            "core/a/one.h": "int one(void);\n",
            "core/a/one.c": '#include "platform/b/two.h"\nint two(void);\nint one(void) { return two(); }\n',
            "platform/b/two.h": "int two(void);\n",
            "platform/b/two.c": '#include "core/a/one.h"\nint two(void) { return 2; }\nint three(void) { return one(); }\n',
        }
        for rel, text in files.items():
            with open(os.path.join(src, rel), "w") as f:
                f.write(text)
        objdir = os.path.join(d, "build", "src")
        for rel in files:
            if rel.endswith(".c"):
                out = os.path.join(d, "build", "x", "src", rel + ".o")
                os.makedirs(os.path.dirname(out), exist_ok=True)
                subprocess.run(["cc", "-c", "-I", src, os.path.join(src, rel), "-o", out], check=True)
        rule = read_rule(os.path.join(d, "HACKING.md"))
        problems = []
        check_includes(src, rule, problems)
        check_objects(os.path.join(d, "build"), src, rule, problems)
        want = ["includes platform/b/two.h, but core/a may not use platform/b",
                "core/a/one.c calls into src/platform/b/two.c",
                "round a circle: core/a/one.c, platform/b/two.c"]
        missing = [w for w in want if not any(w in p for p in problems)]
        _ = objdir
        if missing:
            print("selftest: not found:", missing, "\nproblems were:", problems)
            return 1
        print(f"selftest: the bad include, the call against the rule and the circle were all found")
        return 0


if __name__ == "__main__":
    a = sys.argv[1:]
    if a == ["--selftest"]:
        sys.exit(selftest())
    if not a or a[0].startswith("-"):
        print(__doc__)
        sys.exit(2)
    objdir = a[a.index("--objects") + 1] if "--objects" in a else None
    sys.exit(run(a[0], objdir))
