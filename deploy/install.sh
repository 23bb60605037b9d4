#!/usr/bin/env bash
# Sets up a Debian terminal to run the kiosk: Chromium and CJK fonts, the browser policy, the
# watchdog and its user service. Idempotent: run it again after an update.
#   sudo deploy/install.sh https://hall.example.gov.cn/kiosk/ [kiosk-user]
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "Run this as root (sudo $0 URL [user]): it installs packages and a browser policy." >&2
  exit 1
fi
url=${1:?"Give the kiosk URL, e.g. sudo $0 https://hall.example.gov.cn/kiosk/"}
user=${2:-kiosk}
here=$(cd "$(dirname "$0")" && pwd)

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk nodejs
install -D -m 644 "$here/chromium-policy.json" /etc/chromium/policies/managed/budayang.json
install -d /opt/budayang/deploy/watchdog
install -m 644 "$here"/watchdog/*.mjs /opt/budayang/deploy/watchdog/
install -D -m 644 /dev/null /etc/budayang/kiosk.env
printf 'KIOSK_URL=%s\n' "$url" > /etc/budayang/kiosk.env
id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
home=$(getent passwd "$user" | cut -d: -f6)
install -D -o "$user" -g "$user" -m 644 "$here/systemd/budayang-kiosk.service" "$home/.config/systemd/user/budayang-kiosk.service"
install -d -o "$user" -g "$user" "$home/.config/systemd/user/graphical-session.target.wants"
ln -sf "$home/.config/systemd/user/budayang-kiosk.service" "$home/.config/systemd/user/graphical-session.target.wants/budayang-kiosk.service"
loginctl enable-linger "$user"
echo "Installed. Set the display manager to log $user in automatically, then reboot."
