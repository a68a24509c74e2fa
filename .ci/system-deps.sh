#!/usr/bin/env sh
# Debian packages the tests need: Chromium for Playwright, poppler-utils for pdfsig/pdftoppm.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "centinela: installing$missing from Debian" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing fonts-dejavu-core >&2
else
  echo "centinela: please install:$missing (e.g. sudo apt-get install$missing)" >&2
  exit 1
fi
