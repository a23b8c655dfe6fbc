#!/usr/bin/env python3
"""The house's rule, checked: which room of src/ may use which, and no circles.

The rule is the table in HACKING.md (the rows whose first cell names a folder of src/ or
src/main.c; "May use" lists the rooms it may include from and call into, besides itself).
Fails (exit 1), naming the file, the line or the symbols, when:
  - a folder under src/ holding code is not a row of the table, sub-folders of a room included
    (HACKING.md names every folder);
  - a file includes a project header from a room its own room may not use;
  - with --objects DIR: a compiled unit uses a symbol defined in a unit of a room it may not
    use, or two or more compiled units use each other round a circle (read with nm);
  - with --objects DIR: a compiled unit keeps mutable state of its own (a variable in .data,
    .bss or thread storage, a function's static included) that HACKING.md's "No file-static
    mutable state" rule does not name as `FILE.c`'s `NAME` (read with objdump -t, or nm for
    the Windows build's COFF objects, *.c.obj).
--selftest builds a small house with a bad include, a circle, a stray static and an unnamed
sub-folder, and checks all are found.
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


def read_statics(hacking):
    """{(file name, variable)} HACKING.md allows: `FILE.c`'s `NAME` in the "No file-static
    mutable state" rule."""
    text = open(hacking, encoding="utf-8").read()
    at = text.find("**No file-static mutable state**")
    if at < 0:
        return set()
    end = text.find("\n- **", at)
    return set(re.findall(r"`([\w.]+\.c)`'s `(\w+)`", text[at:end if end > 0 else len(text)]))


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
    named = set()
    for rel in code_files(src):
        room = room_of(rel, rule)
        folder = os.path.dirname(rel)
        if room is None or (room != rel and room != folder):
            if folder not in named:
                problems.append(f"src/{folder or rel}/: a folder of code that is not a room in "
                                f"HACKING.md's table (a sub-folder of a room needs a row of its own)")
                named.add(folder)


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
    """{unit path relative to src/: object file} for objects built from src/ (the newest
    object where several targets built one unit)."""
    found = {}
    for root, _, files in os.walk(objdir):
        for f in files:
            if not f.endswith((".c.o", ".c.obj")):  # ELF objects, or MinGW's COFF ones
                continue
            path = os.path.join(root, f)
            marker = os.sep + "src" + os.sep
            if marker not in path or "fuzz" in path:
                continue
            rel = path.rsplit(marker, 1)[1].rsplit(".", 1)[0]
            if os.path.exists(os.path.join(src, rel)) and (
                    rel not in found or os.path.getmtime(path) > os.path.getmtime(found[rel])):
                found[rel] = path
    return found


SYMBOL = re.compile(r"^[0-9a-f]+ (.{7}) (\S+)\t[0-9a-f]+\s+(\S+)$")
MUTABLE = re.compile(r"^\.(bss|data|tbss|tdata)(\.|$)")


def mutable_statics(path):
    """Names of the variables an object keeps in writable storage: .data, .bss, thread
    storage (not .data.rel.ro, which is read-only once loaded); a function's static "x.0"
    is named x. An ELF object is read with objdump -t (its sections); a Windows (COFF) one
    with nm, whose b/d/B/D are .bss and .data there (constant tables go to .rdata)."""
    with open(path, "rb") as f:
        elf = f.read(4) == b"\x7fELF"
    names = set()
    if not elf:
        for line in subprocess.run(["nm", "-P", path], capture_output=True, text=True,
                                   check=True).stdout.splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[1] in "bdBD" and not parts[0].startswith("."):
                names.add(re.sub(r"\.\d+$", "", parts[0]))
        return names
    out = subprocess.run(["objdump", "-t", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        m = SYMBOL.match(line)
        if m and "O" in m.group(1) and MUTABLE.match(m.group(2)) and ".rel.ro" not in m.group(2):
            names.add(re.sub(r"\.\d+$", "", m.group(3)))
    return names


def check_statics(objs, allowed_statics, problems):
    for u, o in sorted(objs.items()):
        stray = sorted(n for n in mutable_statics(o) if (os.path.basename(u), n) not in allowed_statics)
        if stray:
            problems.append(f"src/{u} keeps mutable state ({', '.join(stray)}): make it const, or "
                            f"part of a struct its owner passes, or name it in HACKING.md's "
                            f"\"No file-static mutable state\" rule")


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


def check_objects(objdir, src, rule, problems, allowed_statics=frozenset()):
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
    check_statics(objs, allowed_statics, problems)
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
    n_obj = check_objects(objdir, src, rule, problems, read_statics(hacking)) if objdir else 0
    for p in problems:
        print(p)
    if problems:
        print(f"rooms: {len(problems)} problem(s)")
        return 1
    print(f"rooms: {len(rule)} rooms, {n_inc} includes and {n_obj} compiled units follow the rule; no circles, no stray mutable statics")
    return 0


def selftest():
    """A small house with one bad include, one circle, a stray static and a sub-folder the table
    does not name: all must be found."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "src")
        for room in ("core/a", "core/a/deep", "platform/b"):
            os.makedirs(os.path.join(src, room))
        with open(os.path.join(d, "HACKING.md"), "w") as f:
            f.write("| Room | For | May use |\n|---|---|---|\n"
                    "| `src/core/a/` | x | nothing |\n| `src/platform/b/` | y | `core/*` |\n"
                    "\n- **No file-static mutable state**, except `two.c`'s `flag`.\n- **Names**\n")
        files = {
            "core/a/one.h": "int one(void);\n",
            "core/a/one.c": '#include "platform/b/two.h"\nint two(void);\nint one(void) { return two(); }\n',
            "platform/b/two.h": "int two(void);\n",
            "core/a/deep/four.h": "int four(void);\n",
            "platform/b/two.c": '#include "core/a/one.h"\nstatic int flag;\nint two(void) { return flag; }\n'
                                'int three(void) { static const char *const k[] = { "a" }; return one() + !k[0]; }\n'
                                'int four(void) { static int calls; return ++calls; }\n',
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
        check_rooms_named(src, rule, problems)
        check_includes(src, rule, problems)
        check_objects(os.path.join(d, "build"), src, rule, problems, read_statics(os.path.join(d, "HACKING.md")))
        want = ["includes platform/b/two.h, but core/a may not use platform/b",
                "core/a/one.c calls into src/platform/b/two.c",
                "round a circle: core/a/one.c, platform/b/two.c",
                "src/platform/b/two.c keeps mutable state (calls)",
                "src/core/a/deep/: a folder of code that is not a room"]
        missing = [w for w in want if not any(w in p for p in problems)]
        _ = objdir
        if missing:
            print("selftest: not found:", missing, "\nproblems were:", problems)
            return 1
        print("selftest: the bad include, the call against the rule, the circle, the stray static and "
              "the unnamed sub-folder were all found")
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
