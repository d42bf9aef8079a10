# Sourced by .ci/run: installs PostgreSQL if missing, starts a cluster, creates the test role and
# database (safe to run twice), and exports TANDEM_TEST_PG_URL for the PostgreSQL test suite.
pg_setup() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  fi
  local major
  major="$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1 || true)"
  if [ -z "$major" ]; then
    major="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 || true)"
    as_root pg_createcluster "$major" main >/dev/null
  fi
  if ! as_root pg_ctlcluster "$major" main status >/dev/null 2>&1; then
    as_root pg_ctlcluster "$major" main start
  fi
  local port
  port="$(as_root pg_conftool -s "$major" main show port 2>/dev/null || echo 5432)"
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  pg_isready -h 127.0.0.1 -p "$port"
  as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
  as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -c "DO \$\$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tandem') THEN
      CREATE ROLE tandem LOGIN PASSWORD 'tandem' CREATEDB;
    END IF; END\$\$;"
  if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'tandem_test'" | grep -q 1; then
    as_postgres createdb -p "$port" -O tandem tandem_test
  fi
  export TANDEM_TEST_PG_URL="postgres://tandem:tandem@127.0.0.1:${port}/tandem_test"
  echo "PostgreSQL $major on port $port: TANDEM_TEST_PG_URL exported"
}
