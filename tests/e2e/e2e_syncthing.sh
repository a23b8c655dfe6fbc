#!/usr/bin/env bash
# End to end: one history across two devices through a REAL Syncthing pair on 127.0.0.1. Each
# "device" (its own HOME and state folder, so its own device id) runs headless sessions with
# --log-dir into its own synced folder, some at the same moment; once both folders hold the
# same files, --history --csv on either side lists every session exactly once, and Syncthing
# made no conflict copies. Prints how many seconds the folders took to agree.
# Skips (77) only when syncthing is not installed or cannot start.
. "$(dirname "$0")/lib.sh"
command -v syncthing >/dev/null 2>&1 || { echo "SKIP: syncthing is not installed (apt-get install syncthing)"; exit 77; }
START=$(date +%s)
PLAN=$SRC/tests/e2e/short.plan
export STNOUPGRADE=1 STNORESTART=1 STNODEFAULTFOLDER=1

free_ports() { # n: that many free TCP ports on 127.0.0.1
  python3 - "$1" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}
read -r GUI_A GUI_B SYNC_A SYNC_B <<<"$(free_ports 4)"
KEY=safebase-e2e-$$-key

for d in a b; do
  mkdir -p "$WORK/$d/home" "$WORK/$d/dir/.stfolder"
  HOME=$WORK/$d/home syncthing generate --home="$WORK/$d/st" --no-default-folder >"$WORK/$d/generate.log" 2>&1 ||
    { echo "SKIP: syncthing generate failed: $(tail -1 "$WORK/$d/generate.log")"; exit 77; }
done
ID_A=$(HOME=$WORK/a/home syncthing --home="$WORK/a/st" --device-id 2>/dev/null)
ID_B=$(HOME=$WORK/b/home syncthing --home="$WORK/b/st" --device-id 2>/dev/null)
[ -n "$ID_A" ] && [ -n "$ID_B" ] || { echo "SKIP: syncthing gives no device id"; exit 77; }

# config.xml: the GUI (REST API) on 127.0.0.1 with a key, listening on 127.0.0.1 only, no
# discovery, relays, NAT or usage reports, the other device at its address, one shared folder
# watched for changes (and rescanned every 2 s as well), quick reconnects.
configure() { # side my-id my-gui my-sync peer-id peer-sync
  python3 - "$WORK/$1/st/config.xml" "$2" "$3" "$4" "$5" "$6" "$WORK/$1/dir" "$KEY" <<'EOF'
import sys, xml.etree.ElementTree as ET
path, me, gui, sync, peer, peer_sync, folder, key = sys.argv[1:]
tree = ET.parse(path); root = tree.getroot()
for f in root.findall("folder"):
    root.remove(f)
for d in root.findall("device"):
    if d.get("id") != me:
        root.remove(d)
def device(id_, name, addr):
    d = root.find(f"device[@id='{id_}']")
    if d is None:
        d = ET.SubElement(root, "device", id=id_)
    d.set("name", name); d.set("compression", "metadata"); d.set("introducer", "false")
    for a in d.findall("address"):
        d.remove(a)
    ET.SubElement(d, "address").text = addr
    return d
device(me, "self", "dynamic")
device(peer, "peer", f"tcp://127.0.0.1:{peer_sync}")
f = ET.Element("folder", id="safebase-log", label="safebase-log", path=folder, type="sendreceive",
               rescanIntervalS="2", fsWatcherEnabled="true", fsWatcherDelayS="1", ignorePerms="false",
               autoNormalize="true")
for id_ in (me, peer):
    ET.SubElement(f, "device", id=id_, introducedBy="")
ET.SubElement(f, "minDiskFree", unit="%").text = "0"
root.insert(0, f)
g = root.find("gui")
g.set("enabled", "true"); g.set("tls", "false")
g.find("address").text = f"127.0.0.1:{gui}"
(g.find("apikey") if g.find("apikey") is not None else ET.SubElement(g, "apikey")).text = key
o = root.find("options")
def opt(name, value):
    e = o.find(name)
    if e is None:
        e = ET.SubElement(o, name)
    e.text = value
for e in o.findall("listenAddress"):
    o.remove(e)
ET.SubElement(o, "listenAddress").text = f"tcp://127.0.0.1:{sync}"
opt("globalAnnounceEnabled", "false"); opt("localAnnounceEnabled", "false")
opt("relaysEnabled", "false"); opt("natEnabled", "false"); opt("startBrowser", "false")
opt("urAccepted", "-1"); opt("crashReportingEnabled", "false"); opt("autoUpgradeIntervalH", "0")
opt("reconnectionIntervalS", "1"); opt("minHomeDiskFree", "0")
tree.write(path)
EOF
}
configure a "$ID_A" "$GUI_A" "$SYNC_A" "$ID_B" "$SYNC_B" || { echo "SKIP: cannot write syncthing's config"; exit 77; }
configure b "$ID_B" "$GUI_B" "$SYNC_B" "$ID_A" "$SYNC_A" || { echo "SKIP: cannot write syncthing's config"; exit 77; }

PIDS=()
stop_syncthing() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  PIDS=()
}
trap 'stop_syncthing; [ -n "${E2E_KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
for d in a b; do
  HOME=$WORK/$d/home syncthing serve --home="$WORK/$d/st" --no-browser --no-restart --logflags=0 \
    >"$WORK/$d/syncthing.log" 2>&1 &
  PIDS+=($!)
done

api() { # gui-port path
  curl -fsS --max-time 2 -H "X-API-Key: $KEY" "http://127.0.0.1:$1$2" 2>/dev/null
}
# up, and the two connected to each other (at most 30 s)
connected=no
for _ in $(seq 1 150); do
  for i in 0 1; do
    kill -0 "${PIDS[$i]}" 2>/dev/null ||
      { echo "SKIP: syncthing could not start: $(tail -3 "$WORK/$([ "$i" = 0 ] && echo a || echo b)/syncthing.log")"; exit 77; }
  done
  if api "$GUI_A" /rest/system/connections | python3 -c '
import json,sys; c=json.load(sys.stdin)["connections"]; sys.exit(0 if c.get(sys.argv[1],{}).get("connected") else 1)' "$ID_B" 2>/dev/null; then
    connected=yes
    break
  fi
  sleep 0.2
done
[ "$connected" = yes ] || { echo "SKIP: the two syncthing instances did not connect within 30 s:"; tail -5 "$WORK/a/syncthing.log"; exit 77; }
echo "syncthing pair connected after $(( $(date +%s) - START )) s"

# A device: its own HOME, data, config and state folders (so its own device id).
device() { # side name args...
  local side=$1 name=$2; shift 2
  HOME=$WORK/$side/home XDG_CONFIG_HOME=$WORK/$side/home/.config XDG_DATA_HOME=$WORK/$side/home/.local/share \
    XDG_STATE_HOME=$WORK/$side/home/.local/state SDL_DISKAUDIOFILE=$WORK/$side/$name.raw \
    timeout 60 "$BIN" "$@" >"$WORK/$side/$name.out" 2>"$WORK/$side/$name.err"
}
session() { # side name client
  device "$1" "$2" --plan "$PLAN" --start --exit-at-end --log-dir "$WORK/$1/dir" --client "$3"
}
# two at the same moment, one on each side; then two more at once; then one on A alone
session a a1 Robin & p1=$!; session b b1 Sam & p2=$!
wait "$p1"; r1=$?; wait "$p2"; r2=$?
check "two sessions at the same moment, one per device, exit 0" test "$r1,$r2" = "0,0"
session a a2 Robin & p1=$!; session b b2 Sam & p2=$!
wait "$p1"; r1=$?; wait "$p2"; r2=$?
check "two more at once" test "$r1,$r2" = "0,0"
session a a3 Alex
check "a fifth on device A" test $? -eq 0
SESSIONS=5

# the folders agree: the same device files, byte for byte (at most 60 s)
same() {
  local fa fb
  fa=$(cd "$WORK/a/dir" && ls sessions-*.csv 2>/dev/null | sort)
  fb=$(cd "$WORK/b/dir" && ls sessions-*.csv 2>/dev/null | sort)
  [ -n "$fa" ] && [ "$fa" = "$fb" ] && [ "$(printf '%s\n' "$fa" | wc -l)" -eq 2 ] || return 1
  local f
  for f in $fa; do cmp -s "$WORK/a/dir/$f" "$WORK/b/dir/$f" || return 1; done
}
converged=no
for _ in $(seq 1 300); do
  if same; then converged=yes; break; fi
  sleep 0.2
done
# from the last record's write (the newest file's mtime on A, which Syncthing carries to B)
SECS=$(python3 -c "import glob,os,sys,time; print(f'{time.time()-max(map(os.path.getmtime, glob.glob(sys.argv[1]))):.1f}')" \
  "$WORK/a/dir/sessions-*.csv")
check "both folders hold both devices' files, the same bytes, within 60 s" test "$converged" = yes
echo "syncthing: $SESSIONS sessions on 2 devices; the folders agreed ${SECS} s after the last record was written"

for d in a b; do
  device "$d" hist --log-dir "$WORK/$d/dir" --history --csv
  check "$d: --history --csv exits 0" test $? -eq 0
  check "$d: every session listed exactly once" python3 - "$WORK/$d/hist.out" "$SESSIONS" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))[1:]
keys = [(r[0], r[1], r[2], r[9]) for r in rows]
ok = len(rows) == int(sys.argv[2]) and len(set(keys)) == len(keys)
ok = ok and sorted(r[9] for r in rows) == ["Alex", "Robin", "Robin", "Sam", "Sam"]
sys.exit(0 if ok else 1)
EOF
  check "$d: --history names this device's file on stderr" grep -q "this device writes sessions-.*-[0-9a-f]\{8\}\.csv" "$WORK/$d/hist.err"
  device "$d" words --log-dir "$WORK/$d/dir" --history
  check "$d: the report counts the five" grep -q "^Sessions    5 " "$WORK/$d/words.out"
done
check "each device wrote only its own file (A's sessions only in A's)" test \
  "$(grep -l ',Alex,' "$WORK"/a/dir/sessions-*.csv | wc -l)" -eq 1
check "no sync-conflict copies on either side" test -z "$(find "$WORK/a/dir" "$WORK/b/dir" -name '*sync-conflict*')"
check "no journal in the shared folders" test -z "$(find "$WORK/a/dir" "$WORK/b/dir" -name '*journal*')"
check "the whole test within 90 s" test $(( $(date +%s) - START )) -le 90
stop_syncthing
finish
