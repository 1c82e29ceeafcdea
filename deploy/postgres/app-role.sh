#!/bin/sh
# Runs once, when the postgres image initialises an empty volume (/docker-entrypoint-initdb.d): the role the services
# connect as. It may read and write the rows of every table that $POSTGRES_USER creates (Flyway migrates as that
# user), and nothing else: no DDL, no TRUNCATE (docs/security.md).
set -eu
psql -v ON_ERROR_STOP=1 -v app_user="${HEADROOM_APP_DB_USER:-headroom_app}" \
     -v app_password="${HEADROOM_APP_DB_PASSWORD:?the services' database password}" \
     --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
GRANT CONNECT ON DATABASE :"DBNAME" TO :"app_user";
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO :"app_user";
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_user";
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO :"app_user";
SQL
