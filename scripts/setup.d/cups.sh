#!/usr/bin/env bash
# Starts a real CUPS (no systemd) with a cups-pdf queue named kiosk-pdf, for the printing tests.
# Idempotent and quick when CUPS already runs with the queue. Needs root; without it, says so.
set -uo pipefail
QUEUE=${KIOSK_CUPS_QUEUE:-kiosk-pdf}
PPD=lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
if [ "$(id -u)" != 0 ]; then echo "cups.sh: not root, leaving CUPS alone" >&2; exit 0; fi
if [ ! -x /usr/sbin/cupsd ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends cups cups-client cups-bsd printer-driver-cups-pdf >/dev/null \
    || { apt-get -o DPkg::Lock::Timeout=300 update -qq && apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends cups cups-client cups-bsd printer-driver-cups-pdf >/dev/null; }
fi
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  mkdir -p /run/cups /var/spool/cups-pdf
  /usr/sbin/cupsd
  for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
fi
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
  PPDFILE=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  if lpinfo -m 2>/dev/null | grep -q "^$PPD"; then
    lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$PPD"
  else
    lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPDFILE"
  fi
  cupsenable "$QUEUE" 2>/dev/null; cupsaccept "$QUEUE" 2>/dev/null
fi
lpstat -p "$QUEUE" >/dev/null 2>&1 && echo "cups.sh: CUPS running with queue $QUEUE" \
  || echo "cups.sh: CUPS queue $QUEUE is not available" >&2
exit 0
