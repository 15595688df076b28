#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first created: the application role and one database per service.
# The role owns its databases, so Flyway can create the trusted extensions (btree_gist, pg_trgm) itself.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v app_user="$CLINIC_DB_USER" -v app_password="$CLINIC_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE booking OWNER :"app_user";
CREATE DATABASE injury OWNER :"app_user";
CREATE DATABASE client OWNER :"app_user";
SQL
