#!/usr/bin/env python3
"""Drops files (or text) onto an X11 window the way a file manager does: the source side of
the XDND protocol (version 5, https://freedesktop.org/wiki/Specifications/XDND/), for tests.

    python3 tests/e2e/xdnd.py --window WID PATH [PATH...]
    python3 tests/e2e/xdnd.py --window WID --text TEXT
    python3 tests/e2e/xdnd.py --check          (exit 0 when python3-xlib can be loaded)

WID is decimal or 0x hex, e.g. from `xdotool search --name 'Safe Base'`; it may be a child of
the window that carries XdndAware (we walk up to it). PATHs are sent as text/uri-list, one
file:// URI per path (made absolute, percent-encoded, '/' kept), each ended by CRLF; the files
need not exist. The steps: own XdndSelection from a small unmapped window, XdndEnter,
XdndPosition at the centre of WID (root coordinates), wait for XdndStatus, XdndDrop, serve the
target's SelectionRequest, wait for XdndFinished.

Exit status: 0 dropped (the target read the data and said it finished, or read it and said
nothing within 5 s: a warning then); 1 the drop failed (no XdndAware window, no or a refusing
XdndStatus within 5 s, the data never asked for, XdndFinished saying it failed); 2 bad usage;
77 python3-xlib is missing (Debian package python3-xlib).
"""
import argparse
import os
import select
import sys
import time
import urllib.parse

TIMEOUT_S = 5.0
SYSTEM_PYTHON = "/usr/bin/python3"

try:
    from Xlib import X, Xatom, display as xdisplay, error as xerror
    from Xlib.protocol import event as xevent
except ImportError:
    # A python3 of its own (pyenv, a venv) ahead of Debian's on PATH does not see Debian's
    # python3-xlib: run under Debian's python3 instead, once.
    if (os.path.exists(SYSTEM_PYTHON) and not os.environ.get("XDND_REEXEC")
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)):
        os.environ["XDND_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    if "--check" not in sys.argv:
        print("xdnd.py: python3-xlib is missing (apt-get install python3-xlib)", file=sys.stderr)
    sys.exit(77)

VERSION = 5  # the newest XDND version we speak


def fail(msg):
    print(f"xdnd.py: {msg}", file=sys.stderr)
    sys.exit(1)


def uri_list(paths):
    lines = []
    for p in paths:
        raw = os.fsencode(os.path.abspath(p))
        lines.append("file://" + urllib.parse.quote(raw, safe="/") + "\r\n")
    return "".join(lines).encode("ascii")


class Source:
    def __init__(self, d, wid):
        self.d = d
        self.root = d.screen().root
        self.atom = lambda name: d.intern_atom(name)
        for name in ("XdndAware", "XdndProxy", "XdndEnter", "XdndPosition", "XdndStatus",
                     "XdndLeave", "XdndDrop", "XdndFinished", "XdndSelection", "XdndActionCopy",
                     "XdndTypeList", "TARGETS", "TIMESTAMP", "ATOM"):
            setattr(self, name, self.atom(name))
        self.given = d.create_resource_object("window", wid)
        self.win = self.root.create_window(-10, -10, 1, 1, 0, X.CopyFromParent,
                                           X.InputOutput, X.CopyFromParent,
                                           event_mask=X.PropertyChangeMask)
        self.win.set_wm_name("xdnd.py")

    # --- events -------------------------------------------------------------------------
    def next_event(self, deadline):
        while True:
            if self.d.pending_events():
                return self.d.next_event()
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            select.select([self.d], [], [], left)

    def server_time(self):
        """A real server timestamp (ICCCM: never CurrentTime for selections): the time of a
        PropertyNotify our own change makes."""
        prop = self.atom("_XDND_PY_TIME")
        self.win.change_property(prop, Xatom.STRING, 8, b"")
        self.d.flush()
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            ev = self.next_event(deadline)
            if ev is None:
                fail("no PropertyNotify from the X server to take a timestamp from")
            if ev.type == X.PropertyNotify and ev.window.id == self.win.id and ev.atom == prop:
                return ev.time

    def send(self, window, msg, l1=0, l2=0, l3=0, l4=0):
        ev = xevent.ClientMessage(window=self.target, client_type=msg,
                                  data=(32, [self.win.id, l1, l2, l3, l4]))
        window.send_event(ev, event_mask=0)
        self.d.flush()

    # --- the target ---------------------------------------------------------------------
    def find_target(self):
        """The window with XdndAware at or above the given one, its version, and where to send
        (XdndProxy's window when it has one)."""
        w = self.given
        while True:
            try:
                prop = w.get_full_property(self.XdndAware, X.AnyPropertyType)
            except xerror.BadWindow:
                fail(f"no window 0x{w.id:x}")
            if prop is not None and len(prop.value) > 0:
                break
            tree = w.query_tree()
            if w.id == self.root.id or int(getattr(tree.parent, "id", tree.parent) or 0) == 0:
                fail(f"neither window 0x{self.given.id:x} nor a parent of it has XdndAware "
                     "(the target does not take drops)")
            w = tree.parent
        self.target = w
        self.version = min(VERSION, int(prop.value[0]))
        if self.version < 3:
            fail(f"window 0x{w.id:x} speaks XDND version {prop.value[0]}, older than 3")
        self.dest = w
        proxy = w.get_full_property(self.XdndProxy, Xatom.WINDOW)
        if proxy is not None and len(proxy.value) > 0:
            p = self.d.create_resource_object("window", int(proxy.value[0]))
            check = p.get_full_property(self.XdndProxy, Xatom.WINDOW)
            if check is not None and len(check.value) > 0 and int(check.value[0]) == p.id:
                self.dest = p

    def centre(self):
        g = self.given.get_geometry()
        t = self.root.translate_coords(self.given, g.width // 2, g.height // 2)
        return max(0, t.x), max(0, t.y)

    # --- the drop -----------------------------------------------------------------------
    def drop(self, types, data):
        self.find_target()
        t = self.server_time()
        self.win.change_property(self.XdndTypeList, Xatom.ATOM, 32, types)
        self.win.set_selection_owner(self.XdndSelection, t)
        if self.d.get_selection_owner(self.XdndSelection).id != self.win.id:
            fail("could not own XdndSelection")
        more = 1 if len(types) > 3 else 0
        first = (list(types) + [0, 0, 0])[:3]
        self.send(self.dest, self.XdndEnter, (self.version << 24) | more, *first)
        x, y = self.centre()
        self.send(self.dest, self.XdndPosition, 0, (x << 16) | y, t, self.XdndActionCopy)

        deadline = time.monotonic() + TIMEOUT_S
        while True:
            ev = self.next_event(deadline)
            if ev is None:
                self.send(self.dest, self.XdndLeave)
                fail(f"no XdndStatus from window 0x{self.target.id:x} within {TIMEOUT_S:g} s")
            if self.serve(ev, data):
                continue
            if ev.type == X.ClientMessage and ev.client_type == self.XdndStatus:
                fmt, l = ev.data
                if l[0] != self.target.id:
                    continue
                if not l[1] & 1:
                    self.send(self.dest, self.XdndLeave)
                    fail(f"window 0x{self.target.id:x} refused the drop (XdndStatus says no)")
                break

        self.send(self.dest, self.XdndDrop, 0, t)
        served = False
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            ev = self.next_event(deadline)
            if ev is None:
                if not served:
                    fail(f"window 0x{self.target.id:x} never asked for the dropped data")
                print("xdnd.py: warning: the data was read but no XdndFinished came within "
                      f"{TIMEOUT_S:g} s", file=sys.stderr)
                return
            if self.serve(ev, data):
                served = True
                continue
            if ev.type == X.ClientMessage and ev.client_type == self.XdndFinished:
                fmt, l = ev.data
                if l[0] != self.target.id:
                    continue
                if self.version >= 5 and not l[1] & 1:
                    fail(f"window 0x{self.target.id:x} says the drop failed (XdndFinished)")
                if not served:
                    fail(f"window 0x{self.target.id:x} finished without reading the data")
                return

    def serve(self, ev, data):
        """Answers a SelectionRequest for XdndSelection; True when ev was one (and served)."""
        if ev.type != X.SelectionRequest or ev.selection != self.XdndSelection:
            return False
        prop = ev.property if ev.property != X.NONE else ev.target
        ok = True
        if ev.target == self.TARGETS:
            ev.requestor.change_property(prop, Xatom.ATOM, 32,
                                         [self.TARGETS, self.TIMESTAMP] + list(data))
        elif ev.target == self.TIMESTAMP:
            ev.requestor.change_property(prop, Xatom.INTEGER, 32, [X.CurrentTime])
        elif ev.target in data:
            ev.requestor.change_property(prop, ev.target, 8, data[ev.target])
        else:
            ok = False
        reply = xevent.SelectionNotify(time=ev.time, requestor=ev.requestor,
                                       selection=ev.selection, target=ev.target,
                                       property=prop if ok else X.NONE)
        ev.requestor.send_event(reply, event_mask=0)
        self.d.flush()
        return ok and ev.target in data


def main():
    ap = argparse.ArgumentParser(
        prog="xdnd.py", description="Drop files (text/uri-list) or text onto an X11 window "
        "through XDND, as a file manager does.")
    ap.add_argument("--window", help="the target window id (decimal or 0x hex)")
    ap.add_argument("--text", help="drop this text (text/plain) instead of files")
    ap.add_argument("--check", action="store_true", help="exit 0 if python3-xlib loads")
    ap.add_argument("paths", nargs="*", metavar="PATH")
    a = ap.parse_args()
    if a.check:
        return 0
    if a.window is None or (a.text is None) == (not a.paths):
        ap.error("give --window WID and either PATH... or --text TEXT")
    try:
        wid = int(a.window, 0)
    except ValueError:
        ap.error(f"bad window id {a.window!r}")
    try:
        d = xdisplay.Display()
    except Exception as e:  # Xlib raises several kinds for no/bad DISPLAY
        fail(f"cannot open the X display: {e}")
    src = Source(d, wid)
    if a.text is not None:
        text = os.fsencode(a.text)  # the bytes given, whatever the locale
        types = [d.intern_atom(n) for n in ("text/plain;charset=utf-8", "UTF8_STRING",
                                            "text/plain")]
        data = {t: text for t in types}
    else:
        uri = d.intern_atom("text/uri-list")
        types = [uri]
        data = {uri: uri_list(a.paths)}
    try:
        src.drop(types, data)
    except xerror.XError as e:
        fail(f"X error: {e}")
    finally:
        d.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
