# Sourced by bin/test: makes sure PostgreSQL's server binaries exist for the PostgreSQL store's
# integration tests (LocalPostgres runs initdb and pg_ctl from /usr/lib/postgresql/N/bin).
# On a fresh Debian/Ubuntu CI machine, as root, installs Debian's server package without creating
# or starting a default cluster. Idempotent and silent when the binaries are already there.
spectron_ensure_postgres() {
  local initdb
  for initdb in /usr/lib/postgresql/*/bin/initdb; do
    [ -x "$initdb" ] && return 0
  done
  if [ -n "${SPECTRON_PG_BIN:-}" ] && [ -x "$SPECTRON_PG_BIN/initdb" ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "spectron: no PostgreSQL server binaries; the PostgreSQL store tests will be skipped (or fail with CI=true)." >&2
    echo "spectron: install Debian's postgresql package or set SPECTRON_PG_BIN to a directory holding initdb and pg_ctl." >&2
    return 0
  fi
  echo "spectron: installing PostgreSQL server binaries for the store tests (apt-get)..." >&2
  mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/spectron.conf
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}
