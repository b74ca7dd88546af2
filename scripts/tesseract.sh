# Sourced by scripts/test and scripts/run: installs Debian's Tesseract OCR with the English and Russian language data
# when missing (Verso reads scanned documents with it; see docs/ingest.md). Needs root or sudo for apt-get.
verso_install_tesseract() {
  if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx eng \
      && tesseract --list-langs 2>/dev/null | grep -qx rus; then
    return 0
  fi
  echo "installing Debian's tesseract-ocr, tesseract-ocr-eng and tesseract-ocr-rus" >&2
  local root=""; [ "$(id -u)" = 0 ] || root=sudo
  $root apt-get update -qq
  $root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus \
    >/dev/null
}
