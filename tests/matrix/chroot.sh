#!/usr/bin/env bash
# Build (once, cached outside the repo) and use Debian chroots for the test matrix.
#
#   chroot.sh build SUITE      debootstrap SUITE into $MATRIX_CACHE/SUITE and install the
#                              release's Debian packages (requirements/debian-<release>.txt)
#   chroot.sh run SUITE CMD…   copy the work tree into the chroot and run CMD there as root
#
# The Debian registry is the one this machine's apt already uses: it is read from the apt
# sources at run time, so no host name is written into the repo.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${MATRIX_CACHE:-/var/cache/jwjt-matrix}
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)

die() { echo "chroot.sh: $*" >&2; exit 2; }

# The release name the Makefile uses for a suite's package lists.
release_of() {
    case "$1" in
        bookworm) echo 12 ;;
        trixie) echo 13 ;;
        sid|unstable) echo sid ;;
        *) die "unknown suite '$1' (bookworm, trixie or sid)" ;;
    esac
}

# First Debian archive URI in the host's apt sources (deb822 .sources or one-line lists),
# skipping the security archive, which has no sid.
debian_mirror() {
    local uri
    uri=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } | sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n'
           { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } \
               | sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p')
    uri=$(echo "$uri" | grep -E '/debian/?$' | grep -v security | head -n1 || true)
    [ -n "$uri" ] || die "no Debian archive found in /etc/apt/sources*; set DEBIAN_MIRROR"
    echo "${DEBIAN_MIRROR:-${uri%/}}"
}

mounted() { grep -q " $1 " /proc/mounts; }

mount_all() {
    local dir=$1
    for m in proc sys dev dev/pts; do
        mounted "$dir/$m" && continue
        mkdir -p "$dir/$m"
        case $m in
            proc) $SUDO mount -t proc proc "$dir/proc" ;;
            sys) $SUDO mount -t sysfs sys "$dir/sys" ;;
            dev) $SUDO mount --bind /dev "$dir/dev" ;;
            dev/pts) $SUDO mount -t devpts devpts "$dir/dev/pts" ;;
        esac
    done
    mkdir -p "$dir/dev/shm" 2>/dev/null || true
    mounted "$dir/dev/shm" || $SUDO mount -t tmpfs shm "$dir/dev/shm"
}

umount_all() {
    local dir=$1
    for m in dev/shm dev/pts dev sys proc; do
        mounted "$dir/$m" && $SUDO umount -l "$dir/$m" || true
    done
}

# Host resolver and CA certificates (pip over HTTPS needs the host's CAs, which may
# include a local one) go into the chroot before every use.
host_files() {
    local dir=$1
    $SUDO cp -L /etc/resolv.conf "$dir/etc/resolv.conf"
    if [ -d /usr/local/share/ca-certificates ]; then
        $SUDO mkdir -p "$dir/usr/local/share/ca-certificates"
        $SUDO cp -r /usr/local/share/ca-certificates/. "$dir/usr/local/share/ca-certificates/"
    fi
    [ -f /etc/ssl/certs/ca-certificates.crt ] && $SUDO cp /etc/ssl/certs/ca-certificates.crt "$dir/etc/jwjt-host-ca.crt"
    return 0
}

in_chroot() {
    local dir=$1; shift
    $SUDO env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive PIP_CERT=/etc/jwjt-host-ca.crt \
        SSL_CERT_FILE=/etc/jwjt-host-ca.crt REQUESTS_CA_BUNDLE=/etc/jwjt-host-ca.crt \
        PIP_DISABLE_PIP_VERSION_CHECK=1 CI="${CI:-}" \
        chroot "$dir" "$@"
}

build() {
    local suite=$1 rel dir mirror list stamp want
    rel=$(release_of "$suite")
    dir=$CACHE/$suite
    list=$ROOT/requirements/debian-$rel.txt
    [ -f "$list" ] || die "missing $list"
    want=$(grep -v '^#' "$list" | tr -s ' \n' ' ')
    stamp=$dir/.jwjt-packages
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        echo "chroot $suite: cached in $dir"
        return 0
    fi
    command -v debootstrap >/dev/null || { $SUDO apt-get update -q && $SUDO apt-get install -y -q debootstrap; }
    mirror=$(debian_mirror)
    if [ ! -x "$dir/usr/bin/apt-get" ]; then
        echo "chroot $suite: debootstrap from $mirror into $dir"
        $SUDO rm -rf "$dir.partial"
        $SUDO mkdir -p "$CACHE"
        $SUDO debootstrap --variant=minbase --include=ca-certificates,make,python3 "$suite" "$dir.partial" "$mirror"
        $SUDO mv "$dir.partial" "$dir"
    fi
    # sid's Release file in a registry snapshot may be past its Valid-Until.
    echo 'Acquire::Check-Valid-Until "false";' | $SUDO tee "$dir/etc/apt/apt.conf.d/99jwjt-valid-until" >/dev/null
    host_files "$dir"
    mount_all "$dir"
    trap "umount_all '$dir'" EXIT
    in_chroot "$dir" update-ca-certificates >/dev/null 2>&1 || true
    in_chroot "$dir" apt-get update -q
    # shellcheck disable=SC2086
    in_chroot "$dir" apt-get install -y -q --no-install-recommends $want
    in_chroot "$dir" apt-get clean
    umount_all "$dir"; trap - EXIT
    echo "$want" | $SUDO tee "$stamp" >/dev/null
    echo "chroot $suite: ready"
}

run() {
    local suite=$1; shift
    local dir=$CACHE/$suite
    [ -f "$dir/.jwjt-packages" ] || die "chroot $suite not built: run '$0 build $suite'"
    host_files "$dir"
    # A clean copy of the work tree (what a clone would hold plus uncommitted edits),
    # without the host's venv, caches and build products.
    $SUDO rm -rf "$dir/src" && $SUDO mkdir -p "$dir/src"
    (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | grep -zv '^$' \
        | xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' | tar --null -T - -cf -) \
        | $SUDO tar -xf - -C "$dir/src"
    mount_all "$dir"
    trap "umount_all '$dir'" EXIT
    set +e
    in_chroot "$dir" bash -c "cd /src && $*"
    local rc=$?
    set -e
    umount_all "$dir"; trap - EXIT
    return $rc
}

case "${1:-}" in
    build) shift; for s in "$@"; do build "$s"; done ;;
    run) shift; [ $# -ge 2 ] || die "usage: $0 run SUITE CMD…"; run "$@" ;;
    mirror) debian_mirror ;;
    *) die "usage: $0 build SUITE… | run SUITE CMD… | mirror" ;;
esac
