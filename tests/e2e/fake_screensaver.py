#!/usr/bin/python3
"""A stand-in for the desktop's screen saver on a private session bus, for e2e_screensaver.sh:
owns org.freedesktop.ScreenSaver, answers Inhibit with a cookie and UnInhibit, and appends each
call to a log file as it comes ("Inhibit COOKIE APP REASON", "UnInhibit COOKIE"), flushed at
once so the test can read it while the app runs. Usage: fake_screensaver.py LOG"""
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.ScreenSaver"


class ScreenSaver(dbus.service.Object):
    def __init__(self, bus, log):
        super().__init__(bus, "/org/freedesktop/ScreenSaver")
        self.log, self.next = log, 1000

    def note(self, text):
        self.log.write(text + "\n")
        self.log.flush()

    @dbus.service.method(NAME, in_signature="ss", out_signature="u")
    def Inhibit(self, app, reason):
        self.next += 1
        self.note("Inhibit %d %s %s" % (self.next, app.replace(" ", "_"), reason.replace(" ", "_")))
        return dbus.UInt32(self.next)

    @dbus.service.method(NAME, in_signature="u", out_signature="")
    def UnInhibit(self, cookie):
        self.note("UnInhibit %d" % cookie)


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    log = open(sys.argv[1], "a")
    name = dbus.service.BusName(NAME, bus)  # noqa: F841 (held for the life of the service)
    ScreenSaver(bus, log)  # at /org/freedesktop/ScreenSaver, where SDL calls it
    log.write("ready\n")
    log.flush()
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
