<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>AdminData</name>
    <message>
      <source>Export the journal</source>
      <translation>Export the journal</translation>
    </message>
    <message>
      <source>Export all check-ins…</source>
      <translation>Export all check-ins…</translation>
    </message>
    <message>
      <source>Rehearsal</source>
      <translation>Rehearsal</translation>
    </message>
    <message>
      <source>Rehearsal mode (check-ins are kept apart and not counted)</source>
      <translation>Rehearsal mode (check-ins are kept apart and not counted)</translation>
    </message>
    <message>
      <source>While it is on, every screen shows a banner. Turn it off before the doors open.</source>
      <translation>While it is on, every screen shows a banner. Turn it off before the doors open.</translation>
    </message>
    <message>
      <source>Purge personal data after the event</source>
      <translation>Purge personal data after the event</translation>
    </message>
    <message>
      <source>Removes names, phones, e-mails, organisations and notes from this kiosk for good. The statistics stay. Export the journal first.</source>
      <translation>Removes names, phones, e-mails, organisations and notes from this kiosk for good. The statistics stay. Export the journal first.</translation>
    </message>
    <message>
      <source>The admin PIN again, to confirm</source>
      <translation>The admin PIN again, to confirm</translation>
    </message>
    <message>
      <source>Purge personal data</source>
      <translation>Purge personal data</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>%1 check-ins written to %2</source>
      <translation>%1 check-ins written to %2</translation>
    </message>
    <message>
      <source>Export failed: %1</source>
      <translation>Export failed: %1</translation>
    </message>
    <message>
      <source>Checking the PIN…</source>
      <translation>Checking the PIN…</translation>
    </message>
    <message>
      <source>Wrong PIN: nothing was purged. The PIN screen locks for a while after too many tries.</source>
      <translation>Wrong PIN: nothing was purged. The PIN screen locks for a while after too many tries.</translation>
    </message>
    <message>
      <source>Wrong PIN: nothing was purged (%1 tries left).</source>
      <translation>Wrong PIN: nothing was purged (%1 tries left).</translation>
    </message>
    <message>
      <source>Personal data of %1 delegates removed.</source>
      <translation>Personal data of %1 delegates removed.</translation>
    </message>
    <message>
      <source>Purge failed: %1</source>
      <translation>Purge failed: %1</translation>
    </message>
  </context>
  <context>
    <name>AdminRoster</name>
    <message>
      <source>Roster file (CSV in UTF-8 or GBK, or XLSX):</source>
      <translation>Roster file (CSV in UTF-8 or GBK, or XLSX):</translation>
    </message>
    <message>
      <source>Choose the file exported by the registration system</source>
      <translation>Choose the file exported by the registration system</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>Full roster: cancel everyone who is not in this file</source>
      <translation>Full roster: cancel everyone who is not in this file</translation>
    </message>
    <message>
      <source>Check file</source>
      <translation>Check file</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Rejected rows and warnings</source>
      <translation>Rejected rows and warnings</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Line</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Detail</translation>
    </message>
    <message>
      <source>Roster file</source>
      <translation>Roster file</translation>
    </message>
    <message>
      <source>Rosters (*.csv *.xlsx *.txt);;All files (*)</source>
      <translation>Rosters (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
      <source>Check the file first.</source>
      <translation>Check the file first.</translation>
    </message>
    <message>
      <source>Choose a roster file first.</source>
      <translation>Choose a roster file first.</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <source>Read %1 rows…</source>
      <translation>Read %1 rows…</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>The import failed; nothing was changed: %1</source>
      <translation>The import failed; nothing was changed: %1</translation>
    </message>
    <message>
      <source>file</source>
      <translation>file</translation>
    </message>
    <message>
      <source>This file cannot be imported; nothing was changed: %1</source>
      <translation>This file cannot be imported; nothing was changed: %1</translation>
    </message>
    <message>
      <source>Checked, nothing changed yet. Importing this file would add %1 new, change %2, leave %3 unchanged and cancel %4; %5 rows would be rejected and %6 kept with a warning. Press Import to apply it.</source>
      <translation>Checked, nothing changed yet. Importing this file would add %1 new, change %2, leave %3 unchanged and cancel %4; %5 rows would be rejected and %6 kept with a warning. Press Import to apply it.</translation>
    </message>
    <message>
      <source>%1 new, %2 updated, %3 unchanged, %4 cancelled; %5 rows rejected, %6 kept with a warning.</source>
      <translation>%1 new, %2 updated, %3 unchanged, %4 cancelled; %5 rows rejected, %6 kept with a warning.</translation>
    </message>
  </context>
  <context>
    <name>AdminScreen</name>
    <message>
      <source>self-service</source>
      <translation>self-service</translation>
    </message>
    <message>
      <source>help desk</source>
      <translation>help desk</translation>
    </message>
    <message>
      <source>forum door</source>
      <translation>forum door</translation>
    </message>
    <message>
      <source>Administration</source>
      <translation>Administration</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Roster import</source>
      <translation>Roster import</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>Statistics</translation>
    </message>
    <message>
      <source>VIPs</source>
      <translation>VIPs</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>Export and purge</source>
      <translation>Export and purge</translation>
    </message>
    <message>
      <source>Back to %1  [Ctrl+Q]</source>
      <translation>Back to %1  [Ctrl+Q]</translation>
    </message>
  </context>
  <context>
    <name>AdminSettings</name>
    <message>
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>Gate</source>
      <translation>Gate</translation>
    </message>
    <message>
      <source>Desk name (in the journal)</source>
      <translation>Desk name (in the journal)</translation>
    </message>
    <message>
      <source>Supervisor volunteers call (F8)</source>
      <translation>Supervisor volunteers call (F8)</translation>
    </message>
    <message>
      <source>Supervisor's phone</source>
      <translation>Supervisor's phone</translation>
    </message>
    <message>
      <source>Operator language</source>
      <translation>Operator language</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>Camera</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>Printer</translation>
    </message>
    <message>
      <source>ESC/POS address (host:port)</source>
      <translation>ESC/POS address (host:port)</translation>
    </message>
    <message>
      <source>PDF folder</source>
      <translation>PDF folder</translation>
    </message>
    <message>
      <source>Pass layout</source>
      <translation>Pass layout</translation>
    </message>
    <message>
      <source>Self-service: back to start after (seconds)</source>
      <translation>Self-service: back to start after (seconds)</translation>
    </message>
    <message>
      <source>Sounds</source>
      <translation>Sounds</translation>
    </message>
    <message>
      <source>Spoken prompts</source>
      <translation>Spoken prompts</translation>
    </message>
    <message>
      <source>Look for cameras</source>
      <translation>Look for cameras</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Preview</translation>
    </message>
    <message>
      <source>Print a test pass</source>
      <translation>Print a test pass</translation>
    </message>
    <message>
      <source>Play a sound for each result</source>
      <translation>Play a sound for each result</translation>
    </message>
    <message>
      <source>Then say the result in the guest's language</source>
      <translation>Then say the result in the guest's language</translation>
    </message>
    <message>
      <source>Name, e.g. Li Na</source>
      <translation>Name, e.g. Li Na</translation>
    </message>
    <message>
      <source>e.g. 138 0000 1234</source>
      <translation>e.g. 138 0000 1234</translation>
    </message>
    <message>
      <source>Default: the passes folder beside the database</source>
      <translation>Default: the passes folder beside the database</translation>
    </message>
    <message>
      <source>Save settings</source>
      <translation>Save settings</translation>
    </message>
    <message>
      <source>No picture yet: press Preview</source>
      <translation>No picture yet: press Preview</translation>
    </message>
    <message>
      <source>Self-service kiosk</source>
      <translation>Self-service kiosk</translation>
    </message>
    <message>
      <source>Help desk</source>
      <translation>Help desk</translation>
    </message>
    <message>
      <source>Forum door</source>
      <translation>Forum door</translation>
    </message>
    <message>
      <source>Main entrance</source>
      <translation>Main entrance</translation>
    </message>
    <message>
      <source>PDF folder (no paper)</source>
      <translation>PDF folder (no paper)</translation>
    </message>
    <message>
      <source>System printer: %1</source>
      <translation>System printer: %1</translation>
    </message>
    <message>
      <source>ESC/POS thermal printer (address below)</source>
      <translation>ESC/POS thermal printer (address below)</translation>
    </message>
    <message>
      <source>No printer</source>
      <translation>No printer</translation>
    </message>
    <message>
      <source>Demo badge video</source>
      <translation>Demo badge video</translation>
    </message>
    <message>
      <source>No camera</source>
      <translation>No camera</translation>
    </message>
    <message>
      <source>As set before: %1</source>
      <translation>As set before: %1</translation>
    </message>
    <message>
      <source>%1 camera(s) found</source>
      <translation>%1 camera(s) found</translation>
    </message>
    <message>
      <source>No camera found: check the cable, or use the demo video</source>
      <translation>No camera found: check the cable, or use the demo video</translation>
    </message>
    <message>
      <source>Opening the camera…</source>
      <translation>Opening the camera…</translation>
    </message>
    <message>
      <source>No picture from this camera</source>
      <translation>No picture from this camera</translation>
    </message>
    <message>
      <source>Not saved: %1</source>
      <translation>Not saved: %1</translation>
    </message>
    <message>
      <source>Test pass sent to %1: see the printer status.</source>
      <translation>Test pass sent to %1: see the printer status.</translation>
    </message>
    <message>
      <source>Printing is off: choose a printer and save first.</source>
      <translation>Printing is off: choose a printer and save first.</translation>
    </message>
    <message>
      <source>Not saved: “%1” is not a phone number. Use digits, spaces and + - ( ) only.</source>
      <translation>Not saved: “%1” is not a phone number. Use digits, spaces and + - ( ) only.</translation>
    </message>
    <message>
      <source>Saved and in use.</source>
      <translation>Saved and in use.</translation>
    </message>
    <message>
      <source>Saved. Printing is off: %1 pass(es) waiting will print when a printer is chosen again.</source>
      <translation>Saved. Printing is off: %1 pass(es) waiting will print when a printer is chosen again.</translation>
    </message>
    <message>
      <source>Saved. Printing is off at this kiosk.</source>
      <translation>Saved. Printing is off at this kiosk.</translation>
    </message>
  </context>
  <context>
    <name>AdminStats</name>
    <message>
      <source>Arrived at the entrance: %1 of %2 registered</source>
      <translation>Arrived at the entrance: %1 of %2 registered</translation>
    </message>
    <message>
      <source>%1 double check-ins made while offline</source>
      <translation>%1 double check-ins made while offline</translation>
    </message>
    <message>
      <source>REHEARSAL figures</source>
      <translation>REHEARSAL figures</translation>
    </message>
    <message>
      <source>VIPs arrived (%1)</source>
      <translation>VIPs arrived (%1)</translation>
    </message>
    <message>
      <source>VIPs not yet arrived (%1)</source>
      <translation>VIPs not yet arrived (%1)</translation>
    </message>
  </context>
  <context>
    <name>AdminSync</name>
    <message>
      <source>Enrolment code</source>
      <translation>Enrolment code</translation>
    </message>
    <message>
      <source>Paste or scan the code that `hub enrol` shows</source>
      <translation>Paste or scan the code that `hub enrol` shows</translation>
    </message>
    <message>
      <source>Join the hub</source>
      <translation>Join the hub</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Sync now</translation>
    </message>
    <message>
      <source>Sync automatically in the background</source>
      <translation>Sync automatically in the background</translation>
    </message>
    <message>
      <source>Allow plain HTTP to a hub on another machine (unencrypted: tokens and names cross the network readable)</source>
      <translation>Allow plain HTTP to a hub on another machine (unencrypted: tokens and names cross the network readable)</translation>
    </message>
    <message>
      <source>Joined the hub at %1 as desk %2.</source>
      <translation>Joined the hub at %1 as desk %2.</translation>
    </message>
    <message>
      <source>Not joined to a hub yet: on the hub, run `hub enrol DESK --url ADDRESS`.</source>
      <translation>Not joined to a hub yet: on the hub, run `hub enrol DESK --url ADDRESS`.</translation>
    </message>
    <message>
      <source>Join the hub first: paste the enrolment code above.</source>
      <translation>Join the hub first: paste the enrolment code above.</translation>
    </message>
    <message>
      <source>Stop scanning</source>
      <translation>Stop scanning</translation>
    </message>
    <message>
      <source>Scan enrolment code</source>
      <translation>Scan enrolment code</translation>
    </message>
    <message>
      <source>No camera at this kiosk: choose one in Settings, or paste the code.</source>
      <translation>No camera at this kiosk: choose one in Settings, or paste the code.</translation>
    </message>
    <message>
      <source>Hold the QR code that `hub enrol` shows up to the camera…</source>
      <translation>Hold the QR code that `hub enrol` shows up to the camera…</translation>
    </message>
    <message>
      <source>Stopped scanning: no code was read.</source>
      <translation>Stopped scanning: no code was read.</translation>
    </message>
    <message>
      <source>The camera read a code that is not an enrolment code: show the QR that `hub enrol` printed.</source>
      <translation>The camera read a code that is not an enrolment code: show the QR that `hub enrol` printed.</translation>
    </message>
    <message>
      <source>Joining the hub…</source>
      <translation>Joining the hub…</translation>
    </message>
    <message>
      <source>Joined. Press Sync now, or turn on the automatic sync.</source>
      <translation>Joined. Press Sync now, or turn on the automatic sync.</translation>
    </message>
    <message>
      <source>That is not an enrolment code: paste the whole line `hub enrol` printed.</source>
      <translation>That is not an enrolment code: paste the whole line `hub enrol` printed.</translation>
    </message>
    <message>
      <source>The hub refused this code: it was used already or has expired. Make a new one with `hub enrol`.</source>
      <translation>The hub refused this code: it was used already or has expired. Make a new one with `hub enrol`.</translation>
    </message>
    <message>
      <source>The hub cannot be reached at the code's address: check the network and the address.</source>
      <translation>The hub cannot be reached at the code's address: check the network and the address.</translation>
    </message>
    <message>
      <source>The hub answered something this desk cannot use: check the address is the hub's.</source>
      <translation>The hub answered something this desk cannot use: check the address is the hub's.</translation>
    </message>
    <message>
      <source>The hub's certificate is not the one the code names: nothing was sent. Check the address, or make a new code.</source>
      <translation>The hub's certificate is not the one the code names: nothing was sent. Check the address, or make a new code.</translation>
    </message>
    <message>
      <source>The code's hub is on another machine over plain HTTP: serve the hub with TLS, or allow plain HTTP below.</source>
      <translation>The code's hub is on another machine over plain HTTP: serve the hub with TLS, or allow plain HTTP below.</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <source>Done: %1 roster changes, %2 check-ins sent, %3 received from other desks.</source>
      <translation>Done: %1 roster changes, %2 check-ins sent, %3 received from other desks.</translation>
    </message>
    <message>
      <source>the hub's certificate is not the one this desk pinned, so nothing was sent</source>
      <translation>the hub's certificate is not the one this desk pinned, so nothing was sent</translation>
    </message>
    <message>
      <source>plain HTTP to a hub on another machine is not allowed here</source>
      <translation>plain HTTP to a hub on another machine is not allowed here</translation>
    </message>
    <message>
      <source>Sync failed: %1. This desk keeps working on its own.</source>
      <translation>Sync failed: %1. This desk keeps working on its own.</translation>
    </message>
    <message>
      <source>Automatic sync is off. %1 check-ins not yet sent.</source>
      <translation>Automatic sync is off. %1 check-ins not yet sent.</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>connected</translation>
    </message>
    <message>
      <source>not connected</source>
      <translation>not connected</translation>
    </message>
    <message>
      <source>Hub: %1 · last sync %2 · %3 check-ins waiting to be sent</source>
      <translation>Hub: %1 · last sync %2 · %3 check-ins waiting to be sent</translation>
    </message>
    <message>
      <source>Last problem: %1</source>
      <translation>Last problem: %1</translation>
    </message>
  </context>
  <context>
    <name>CameraView</name>
    <message>
      <source>Camera not working: %1. Retrying… Please use the scanner or ask a volunteer.</source>
      <translation>Camera not working: %1. Retrying… Please use the scanner or ask a volunteer.</translation>
    </message>
    <message>
      <source>it cannot be opened</source>
      <translation>it cannot be opened</translation>
    </message>
    <message>
      <source>it stopped sending pictures</source>
      <translation>it stopped sending pictures</translation>
    </message>
    <message>
      <source>no camera</source>
      <translation>no camera</translation>
    </message>
  </context>
  <context>
    <name>Charts</name>
    <message>
      <source>Arrivals per 10 minutes</source>
      <translation>Arrivals per 10 minutes</translation>
    </message>
    <message>
      <source>Admitted</source>
      <translation>Admitted</translation>
    </message>
    <message>
      <source>Forums: admitted against capacity</source>
      <translation>Forums: admitted against capacity</translation>
    </message>
    <message>
      <source>% of capacity</source>
      <translation>% of capacity</translation>
    </message>
    <message>
      <source>Arrivals by category</source>
      <translation>Arrivals by category</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Other</translation>
    </message>
  </context>
  <context>
    <name>DatabaseNotice</name>
    <message>
      <source>The database is damaged</source>
      <translation>The database is damaged</translation>
    </message>
    <message>
      <source>The database cannot be written</source>
      <translation>The database cannot be written</translation>
    </message>
    <message>
      <source>The disk is full</source>
      <translation>The disk is full</translation>
    </message>
    <message>
      <source>The database is in use by another program</source>
      <translation>The database is in use by another program</translation>
    </message>
    <message>
      <source>The disk cannot be read</source>
      <translation>The disk cannot be read</translation>
    </message>
    <message>
      <source>Until this is fixed the kiosk admits nobody; every check-in it showed before was saved.</source>
      <translation>Until this is fixed the kiosk admits nobody; every check-in it showed before was saved.</translation>
    </message>
  </context>
  <context>
    <name>DelegateCard</name>
    <message>
      <source>scan</source>
      <translation>scan</translation>
    </message>
    <message>
      <source>override</source>
      <translation>override</translation>
    </message>
    <message>
      <source>void</source>
      <translation>void</translation>
    </message>
    <message>
      <source>reprint</source>
      <translation>reprint</translation>
    </message>
    <message>
      <source>new badge</source>
      <translation>new badge</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>walk-in</translation>
    </message>
    <message>
      <source>wrong PIN</source>
      <translation>wrong PIN</translation>
    </message>
    <message>
      <source>wrong phone digits</source>
      <translation>wrong phone digits</translation>
    </message>
    <message>
      <source>help call</source>
      <translation>help call</translation>
    </message>
    <message>
      <source>camera</source>
      <translation>camera</translation>
    </message>
    <message>
      <source>scanner</source>
      <translation>scanner</translation>
    </message>
    <message>
      <source>code typed</source>
      <translation>code typed</translation>
    </message>
    <message>
      <source>desk search</source>
      <translation>desk search</translation>
    </message>
    <message>
      <source>self-service search</source>
      <translation>self-service search</translation>
    </message>
    <message>
      <source>hall %1</source>
      <translation>hall %1</translation>
    </message>
    <message>
      <source>Scan a badge or type a name, pinyin, initials, organisation or the last 4 digits of a phone</source>
      <translation>Scan a badge or type a name, pinyin, initials, organisation or the last 4 digits of a phone</translation>
    </message>
    <message>
      <source>Forums</source>
      <translation>Forums</translation>
    </message>
    <message>
      <source>Check-in history</source>
      <translation>Check-in history</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Gate</source>
      <translation>Gate</translation>
    </message>
    <message>
      <source>What</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Desk</source>
      <translation>Desk</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>No category</source>
      <translation>No category</translation>
    </message>
    <message>
      <source>★ VIP</source>
      <translation>★ VIP</translation>
    </message>
    <message>
      <source>Registration cancelled: this person may not enter</source>
      <translation>Registration cancelled: this person may not enter</translation>
    </message>
    <message>
      <source>No forum registered</source>
      <translation>No forum registered</translation>
    </message>
    <message>
      <source>Not checked in yet</source>
      <translation>Not checked in yet</translation>
    </message>
    <message>
      <source>Entrance</source>
      <translation>Entrance</translation>
    </message>
    <message>
      <source>(voided)</source>
      <translation>(voided)</translation>
    </message>
  </context>
  <context>
    <name>DeskActions</name>
    <message>
      <source>Check in</source>
      <translation>Check in</translation>
    </message>
    <message>
      <source>Reprint pass</source>
      <translation>Reprint pass</translation>
    </message>
    <message>
      <source>Override refusal</source>
      <translation>Override refusal</translation>
    </message>
    <message>
      <source>Void check-in</source>
      <translation>Void check-in</translation>
    </message>
    <message>
      <source>New badge</source>
      <translation>New badge</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>Walk-in</translation>
    </message>
    <message>
      <source>Call supervisor</source>
      <translation>Call supervisor</translation>
    </message>
    <message>
      <source>This code is not in the roster, so it cannot be overridden: register a walk-in [F7].</source>
      <translation>This code is not in the roster, so it cannot be overridden: register a walk-in [F7].</translation>
    </message>
    <message>
      <source>That check-in was already voided.</source>
      <translation>That check-in was already voided.</translation>
    </message>
    <message>
      <source>Could not do that: %1</source>
      <translation>Could not do that: %1</translation>
    </message>
    <message>
      <source>Could not do that because of an internal error; the journal is unchanged.</source>
      <translation>Could not do that because of an internal error; the journal is unchanged.</translation>
    </message>
    <message>
      <source>Choose a person first: scan a badge or search a name.</source>
      <translation>Choose a person first: scan a badge or search a name.</translation>
    </message>
    <message>
      <source>Nothing to void: %1 has no check-in at this gate.</source>
      <translation>Nothing to void: %1 has no check-in at this gate.</translation>
    </message>
    <message>
      <source>Reprint the pass of %1</source>
      <translation>Reprint the pass of %1</translation>
    </message>
    <message>
      <source>The reprint is journalled with your reason and desk.</source>
      <translation>The reprint is journalled with your reason and desk.</translation>
    </message>
    <message>
      <source>Reprint</source>
      <translation>Reprint</translation>
    </message>
    <message>
      <source>The rules did not admit this person here.</source>
      <translation>The rules did not admit this person here.</translation>
    </message>
    <message>
      <source>Override the refusal for %1</source>
      <translation>Override the refusal for %1</translation>
    </message>
    <message>
      <source>Admit anyway</source>
      <translation>Admit anyway</translation>
    </message>
    <message>
      <source>Void the check-in of %1</source>
      <translation>Void the check-in of %1</translation>
    </message>
    <message>
      <source>Use this when someone was checked in by mistake; they can then check in again.</source>
      <translation>Use this when someone was checked in by mistake; they can then check in again.</translation>
    </message>
    <message>
      <source>Void</source>
      <translation>Void</translation>
    </message>
    <message>
      <source>Issue a new badge for %1</source>
      <translation>Issue a new badge for %1</translation>
    </message>
    <message>
      <source>The old badge code stops working at once; a new pass is printed.</source>
      <translation>The old badge code stops working at once; a new pass is printed.</translation>
    </message>
    <message>
      <source>Issue new badge</source>
      <translation>Issue new badge</translation>
    </message>
    <message>
      <source>Call the supervisor: %1</source>
      <translation>Call the supervisor: %1</translation>
    </message>
    <message>
      <source>Call the supervisor: %1 (no phone number is set for this desk).</source>
      <translation>Call the supervisor: %1 (no phone number is set for this desk).</translation>
    </message>
    <message>
      <source>Call the desk supervisor (no phone number is set for this desk).</source>
      <translation>Call the desk supervisor (no phone number is set for this desk).</translation>
    </message>
    <message>
      <source>Pass of %1 sent to the printer again.</source>
      <translation>Pass of %1 sent to the printer again.</translation>
    </message>
    <message>
      <source>Reprint of %1 journalled; no printer is set up at this desk.</source>
      <translation>Reprint of %1 journalled; no printer is set up at this desk.</translation>
    </message>
    <message>
      <source>Check-in voided: %1 can check in again.</source>
      <translation>Check-in voided: %1 can check in again.</translation>
    </message>
    <message>
      <source>New badge issued for %1; the old badge no longer works.</source>
      <translation>New badge issued for %1; the old badge no longer works.</translation>
    </message>
  </context>
  <context>
    <name>DeskBanner</name>
    <message>
      <source>admitted</source>
      <translation>admitted</translation>
    </message>
    <message>
      <source>already checked in</source>
      <translation>already checked in</translation>
    </message>
    <message>
      <source>unknown badge</source>
      <translation>unknown badge</translation>
    </message>
    <message>
      <source>badge no longer valid</source>
      <translation>badge no longer valid</translation>
    </message>
    <message>
      <source>not registered here</source>
      <translation>not registered here</translation>
    </message>
    <message>
      <source>too early</source>
      <translation>too early</translation>
    </message>
    <message>
      <source>too late</source>
      <translation>too late</translation>
    </message>
    <message>
      <source>room full</source>
      <translation>room full</translation>
    </message>
    <message>
      <source>forged code</source>
      <translation>forged code</translation>
    </message>
    <message>
      <source>another event</source>
      <translation>another event</translation>
    </message>
    <message>
      <source>Admitted again (re-entry)</source>
      <translation>Admitted again (re-entry)</translation>
    </message>
    <message>
      <source>Admitted</source>
      <translation>Admitted</translation>
    </message>
    <message>
      <source>Already checked in. If the pass was lost, reprint it (F3).</source>
      <translation>Already checked in. If the pass was lost, reprint it (F3).</translation>
    </message>
    <message>
      <source>Already checked in on %1 at %2. If the pass was lost, reprint it (F3).</source>
      <translation>Already checked in on %1 at %2. If the pass was lost, reprint it (F3).</translation>
    </message>
    <message>
      <source>The room is full (%1 of %2 seats). Override (F4) only if the hall manager agrees.</source>
      <translation>The room is full (%1 of %2 seats). Override (F4) only if the hall manager agrees.</translation>
    </message>
    <message>
      <source>Registration cancelled: this person is not expected. Override (F4) only if the organiser agrees.</source>
      <translation>Registration cancelled: this person is not expected. Override (F4) only if the organiser agrees.</translation>
    </message>
    <message>
      <source>Unknown badge: this code is not in the roster. Search the name, or register a walk-in (F7).</source>
      <translation>Unknown badge: this code is not in the roster. Search the name, or register a walk-in (F7).</translation>
    </message>
    <message>
      <source>This badge was replaced by a newer one: ask for the new badge, or search the name.</source>
      <translation>This badge was replaced by a newer one: ask for the new badge, or search the name.</translation>
    </message>
    <message>
      <source>Not registered for this forum. Override (F4) if the organiser agrees.</source>
      <translation>Not registered for this forum. Override (F4) if the organiser agrees.</translation>
    </message>
    <message>
      <source>Check-in has not opened yet. Check the machine's clock and the event dates.</source>
      <translation>Check-in has not opened yet. Check the machine's clock and the event dates.</translation>
    </message>
    <message>
      <source>Check-in has closed for this gate.</source>
      <translation>Check-in has closed for this gate.</translation>
    </message>
    <message>
      <source>Forged or damaged code: the signature does not match. Search the name.</source>
      <translation>Forged or damaged code: the signature does not match. Search the name.</translation>
    </message>
    <message>
      <source>This badge belongs to another event.</source>
      <translation>This badge belongs to another event.</translation>
    </message>
    <message>
      <source>★ VIP arrived: %1. Please inform the protocol staff.</source>
      <translation>★ VIP arrived: %1. Please inform the protocol staff.</translation>
    </message>
    <message>
      <source>Protocol informed</source>
      <translation>Protocol informed</translation>
    </message>
  </context>
  <context>
    <name>DeskDialogs</name>
    <message>
      <source>Pass lost</source>
      <translation>Pass lost</translation>
    </message>
    <message>
      <source>Pass damaged</source>
      <translation>Pass damaged</translation>
    </message>
    <message>
      <source>Printer jammed</source>
      <translation>Printer jammed</translation>
    </message>
    <message>
      <source>Organiser approved</source>
      <translation>Organiser approved</translation>
    </message>
    <message>
      <source>Badge damaged</source>
      <translation>Badge damaged</translation>
    </message>
    <message>
      <source>Registered by phone</source>
      <translation>Registered by phone</translation>
    </message>
    <message>
      <source>Checked in by mistake</source>
      <translation>Checked in by mistake</translation>
    </message>
    <message>
      <source>Wrong person selected</source>
      <translation>Wrong person selected</translation>
    </message>
    <message>
      <source>Badge lost</source>
      <translation>Badge lost</translation>
    </message>
    <message>
      <source>Badge given to someone else</source>
      <translation>Badge given to someone else</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Reason (type it, or pick one with ↑↓):</source>
      <translation>Reason (type it, or pick one with ↑↓):</translation>
    </message>
    <message>
      <source>Why? This goes into the journal</source>
      <translation>Why? This goes into the journal</translation>
    </message>
    <message>
      <source>Please give a reason: it is kept in the journal.</source>
      <translation>Please give a reason: it is kept in the journal.</translation>
    </message>
    <message>
      <source>Register a walk-in</source>
      <translation>Register a walk-in</translation>
    </message>
    <message>
      <source>They get a new badge code, are admitted here and their pass is printed. * is required; the phone or email finds them if they are on the roster already.</source>
      <translation>They get a new badge code, are admitted here and their pass is printed. * is required; the phone or email finds them if they are on the roster already.</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>Name *</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>English name</translation>
    </message>
    <message>
      <source>Organisation *</source>
      <translation>Organisation *</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Category *</source>
      <translation>Category *</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choose —</translation>
    </message>
    <message>
      <source>Forums (Space ticks one)</source>
      <translation>Forums (Space ticks one)</translation>
    </message>
    <message>
      <source>Register and admit</source>
      <translation>Register and admit</translation>
    </message>
    <message>
      <source>name</source>
      <translation>name</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>organisation</translation>
    </message>
    <message>
      <source>category</source>
      <translation>category</translation>
    </message>
    <message>
      <source>Please fill in: %1</source>
      <translation>Please fill in: %1</translation>
    </message>
    <message>
      <source>same name</source>
      <translation>same name</translation>
    </message>
    <message>
      <source>same phone</source>
      <translation>same phone</translation>
    </message>
    <message>
      <source>same email</source>
      <translation>same email</translation>
    </message>
    <message>
      <source>This is probably %1 (%2) — check in %1 instead?</source>
      <translation>This is probably %1 (%2) — check in %1 instead?</translation>
    </message>
    <message>
      <source>Already on the roster with the same name, phone or email as the walk-in.</source>
      <translation>Already on the roster with the same name, phone or email as the walk-in.</translation>
    </message>
    <message>
      <source>registration cancelled</source>
      <translation>registration cancelled</translation>
    </message>
    <message>
      <source>Not them? Register %1 as a new walk-in  [F9]</source>
      <translation>Not them? Register %1 as a new walk-in  [F9]</translation>
    </message>
    <message>
      <source>Check in the one chosen</source>
      <translation>Check in the one chosen</translation>
    </message>
  </context>
  <context>
    <name>DeskGuidance</name>
    <message>
      <source>Override with a reason</source>
      <translation>Override with a reason</translation>
    </message>
    <message>
      <source>Print the pass</source>
      <translation>Print the pass</translation>
    </message>
    <message>
      <source>Register a walk-in</source>
      <translation>Register a walk-in</translation>
    </message>
    <message>
      <source>Call the supervisor</source>
      <translation>Call the supervisor</translation>
    </message>
    <message>
      <source>Not registered for any forum: send to the registration desk.</source>
      <translation>Not registered for any forum: send to the registration desk.</translation>
    </message>
    <message>
      <source> and </source>
      <translation> and </translation>
    </message>
    <message>
      <source>Registered for %1</source>
      <translation>Registered for %1</translation>
    </message>
    <message>
      <source> — %1 is in hall %2</source>
      <translation> — %1 is in hall %2</translation>
    </message>
    <message>
      <source>Cancelled on %1 — send to the registration desk.</source>
      <translation>Cancelled on %1 — send to the registration desk.</translation>
    </message>
    <message>
      <source>Cancelled — send to the registration desk.</source>
      <translation>Cancelled — send to the registration desk.</translation>
    </message>
  </context>
  <context>
    <name>DeskScreen</name>
    <message>
      <source>%1 people match: nobody was checked in. Choose one with ↓ and press Enter, or type more of the name.</source>
      <translation>%1 people match: nobody was checked in. Choose one with ↓ and press Enter, or type more of the name.</translation>
    </message>
    <message>
      <source>Nobody found. Try pinyin initials, the organisation or the phone tail, or register a walk-in [F7].</source>
      <translation>Nobody found. Try pinyin initials, the organisation or the phone tail, or register a walk-in [F7].</translation>
    </message>
    <message>
      <source>Scan or search  [F1]</source>
      <translation>Scan or search  [F1]</translation>
    </message>
    <message>
      <source>Search by name, pinyin, initials, organisation or the last 4 digits of the phone. Enter: check in the one found · ↑↓: choose · Esc: clear</source>
      <translation>Search by name, pinyin, initials, organisation or the last 4 digits of the phone. Enter: check in the one found · ↑↓: choose · Esc: clear</translation>
    </message>
    <message>
      <source>%1 people match: choose one with ↓, then Enter</source>
      <translation>%1 people match: choose one with ↓, then Enter</translation>
    </message>
    <message>
      <source>Last: %1</source>
      <translation>Last: %1</translation>
    </message>
  </context>
  <context>
    <name>DeskStatus</name>
    <message>
      <source>Printer: none at this desk</source>
      <translation>Printer: none at this desk</translation>
    </message>
    <message>
      <source>%1 waiting</source>
      <translation>%1 waiting</translation>
    </message>
    <message>
      <source>Printer: paper out</source>
      <translation>Printer: paper out</translation>
    </message>
    <message>
      <source>Printer: ready</source>
      <translation>Printer: ready</translation>
    </message>
    <message>
      <source>Printer: printing</source>
      <translation>Printer: printing</translation>
    </message>
    <message>
      <source>Printer: offline</source>
      <translation>Printer: offline</translation>
    </message>
    <message>
      <source>Printer: not moving</source>
      <translation>Printer: not moving</translation>
    </message>
    <message>
      <source>Hub: not syncing</source>
      <translation>Hub: not syncing</translation>
    </message>
    <message>
      <source>%1 to send</source>
      <translation>%1 to send</translation>
    </message>
    <message>
      <source>Hub: never reached</source>
      <translation>Hub: never reached</translation>
    </message>
    <message>
      <source>%1 s ago</source>
      <translation>%1 s ago</translation>
    </message>
    <message>
      <source>%1 min ago</source>
      <translation>%1 min ago</translation>
    </message>
    <message>
      <source>Hub: last contact %1</source>
      <translation>Hub: last contact %1</translation>
    </message>
    <message>
      <source>Today here: %1 in · %2 refused · %3 walk-ins · %4 overrides</source>
      <translation>Today here: %1 in · %2 refused · %3 walk-ins · %4 overrides</translation>
    </message>
    <message>
      <source>Operator:</source>
      <translation>Operator:</translation>
    </message>
    <message>
      <source>your name</source>
      <translation>your name</translation>
    </message>
  </context>
  <context>
    <name>DoorActions</name>
    <message>
      <source>Let in anyway (F4)</source>
      <translation>Let in anyway (F4)</translation>
    </message>
    <message>
      <source>Call supervisor (F8)</source>
      <translation>Call supervisor (F8)</translation>
    </message>
    <message>
      <source>Next person (Esc)</source>
      <translation>Next person (Esc)</translation>
    </message>
    <message>
      <source>Why let them in? (required, kept in the journal)</source>
      <translation>Why let them in? (required, kept in the journal)</translation>
    </message>
    <message>
      <source>Let in</source>
      <translation>Let in</translation>
    </message>
    <message>
      <source>Supervisor: %1. Keep the person here; this screen waits.</source>
      <translation>Supervisor: %1. Keep the person here; this screen waits.</translation>
    </message>
    <message>
      <source>No supervisor is set: the admin sets one in Admin → Settings. Keep the person here.</source>
      <translation>No supervisor is set: the admin sets one in Admin → Settings. Keep the person here.</translation>
    </message>
  </context>
  <context>
    <name>DoorExit</name>
    <message>
      <source>Goodbye, %1</source>
      <translation>Goodbye, %1</translation>
    </message>
    <message>
      <source>Exit recorded</source>
      <translation>Exit recorded</translation>
    </message>
    <message>
      <source>Exit recorded. This person was not counted in the room, so the count stays.</source>
      <translation>Exit recorded. This person was not counted in the room, so the count stays.</translation>
    </message>
    <message>
      <source>Left the room: %1 in the room now.</source>
      <translation>Left the room: %1 in the room now.</translation>
    </message>
  </context>
  <context>
    <name>DoorGuide</name>
    <message>
      <source>%1 (Hall %2)</source>
      <translation>%1 (Hall %2)</translation>
    </message>
    <message>
      <source>Registered for no forum: send to the help desk.</source>
      <translation>Registered for no forum: send to the help desk.</translation>
    </message>
    <message>
      <source>Send to %1: on now.</source>
      <translation>Send to %1: on now.</translation>
    </message>
    <message>
      <source>Send to %1: starts at %2.</source>
      <translation>Send to %1: starts at %2.</translation>
    </message>
    <message>
      <source>Registered for %1.</source>
      <translation>Registered for %1.</translation>
    </message>
    <message>
      <source>Full: %1 of %2 in the room. Ask them to wait until someone leaves, or let in with the hall manager's agreement (F4).</source>
      <translation>Full: %1 of %2 in the room. Ask them to wait until someone leaves, or let in with the hall manager's agreement (F4).</translation>
    </message>
    <message>
      <source>This door is not open yet: ask them to wait nearby.</source>
      <translation>This door is not open yet: ask them to wait nearby.</translation>
    </message>
    <message>
      <source>Check-in at this door has closed: call the supervisor (F8) if they must go in.</source>
      <translation>Check-in at this door has closed: call the supervisor (F8) if they must go in.</translation>
    </message>
    <message>
      <source>Registration cancelled on %1: send to the registration desk.</source>
      <translation>Registration cancelled on %1: send to the registration desk.</translation>
    </message>
    <message>
      <source>Registration cancelled: send to the registration desk.</source>
      <translation>Registration cancelled: send to the registration desk.</translation>
    </message>
    <message>
      <source>A newer badge replaced this one: send to the help desk for the new badge.</source>
      <translation>A newer badge replaced this one: send to the help desk for the new badge.</translation>
    </message>
    <message>
      <source>Already came in at %1 and has not gone out: one badge, one person.</source>
      <translation>Already came in at %1 and has not gone out: one badge, one person.</translation>
    </message>
    <message>
      <source>Not a badge of this event's roster: send to the help desk to find the name.</source>
      <translation>Not a badge of this event's roster: send to the help desk to find the name.</translation>
    </message>
  </context>
  <context>
    <name>DoorScreen</name>
    <message>
      <source>Going out: scan the badge of each person leaving</source>
      <translation>Going out: scan the badge of each person leaving</translation>
    </message>
    <message>
      <source>Scan your badge or pass</source>
      <translation>Scan your badge or pass</translation>
    </message>
    <message>
      <source>◀ Going out (F2)</source>
      <translation>◀ Going out (F2)</translation>
    </message>
    <message>
      <source>▶ Coming in (F2)</source>
      <translation>▶ Coming in (F2)</translation>
    </message>
    <message>
      <source>Switch between people coming in and people going out</source>
      <translation>Switch between people coming in and people going out</translation>
    </message>
    <message>
      <source>Main entrance</source>
      <translation>Main entrance</translation>
    </message>
    <message>
      <source>Admitted today: %1</source>
      <translation>Admitted today: %1</translation>
    </message>
    <message>
      <source>In the room: %1</source>
      <translation>In the room: %1</translation>
    </message>
    <message>
      <source>Could not let them in: %1</source>
      <translation>Could not let them in: %1</translation>
    </message>
    <message>
      <source>Re-entry: back in the room</source>
      <translation>Re-entry: back in the room</translation>
    </message>
    <message>
      <source>Re-entry: already counted in the room</source>
      <translation>Re-entry: already counted in the room</translation>
    </message>
  </context>
  <context>
    <name>Facts</name>
    <message>
      <source>today %1</source>
      <translation>today %1</translation>
    </message>
    <message>
      <source>tomorrow %1</source>
      <translation>tomorrow %1</translation>
    </message>
    <message>
      <source>yesterday %1</source>
      <translation>yesterday %1</translation>
    </message>
    <message>
      <source>Desk %1</source>
      <translation>Desk %1</translation>
    </message>
    <message>
      <source>The help desk: %1.</source>
      <translation>The help desk: %1.</translation>
    </message>
    <message>
      <source>Check-in opens %1.</source>
      <translation>Check-in opens %1.</translation>
    </message>
    <message>
      <source>Check-in closed %1.</source>
      <translation>Check-in closed %1.</translation>
    </message>
  </context>
  <context>
    <name>FirstStart</name>
    <message>
      <source>Set the admin PIN</source>
      <translation>Set the admin PIN</translation>
    </message>
    <message>
      <source>Choose an admin PIN (4 to 12 digits):</source>
      <translation>Choose an admin PIN (4 to 12 digits):</translation>
    </message>
    <message>
      <source>Enter the same PIN again:</source>
      <translation>Enter the same PIN again:</translation>
    </message>
    <message>
      <source>The two PINs differ.</source>
      <translation>The two PINs differ.</translation>
    </message>
  </context>
  <context>
    <name>ImportProblem</name>
    <message>
      <source>badge code</source>
      <translation>badge code</translation>
    </message>
    <message>
      <source>id</source>
      <translation>id</translation>
    </message>
    <message>
      <source>name</source>
      <translation>name</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>English name</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>organisation</translation>
    </message>
    <message>
      <source>title</source>
      <translation>title</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>phone</translation>
    </message>
    <message>
      <source>email</source>
      <translation>email</translation>
    </message>
    <message>
      <source>category</source>
      <translation>category</translation>
    </message>
    <message>
      <source>forums</source>
      <translation>forums</translation>
    </message>
    <message>
      <source>status</source>
      <translation>status</translation>
    </message>
    <message>
      <source>language</source>
      <translation>language</translation>
    </message>
    <message>
      <source>no name</source>
      <translation>no name</translation>
    </message>
    <message>
      <source>no badge code</source>
      <translation>no badge code</translation>
    </message>
    <message>
      <source>badge code used twice in the file</source>
      <translation>badge code used twice in the file</translation>
    </message>
    <message>
      <source>id used twice in the file</source>
      <translation>id used twice in the file</translation>
    </message>
    <message>
      <source>unknown forum</source>
      <translation>unknown forum</translation>
    </message>
    <message>
      <source>unknown status</source>
      <translation>unknown status</translation>
    </message>
    <message>
      <source>badge code belongs to someone else</source>
      <translation>badge code belongs to someone else</translation>
    </message>
    <message>
      <source>text too long</source>
      <translation>text too long</translation>
    </message>
    <message>
      <source>number lost its digits</source>
      <translation>number lost its digits</translation>
    </message>
    <message>
      <source>a date instead of a number</source>
      <translation>a date instead of a number</translation>
    </message>
    <message>
      <source>unknown category (kept)</source>
      <translation>unknown category (kept)</translation>
    </message>
    <message>
      <source>phone typed as a number (kept)</source>
      <translation>phone typed as a number (kept)</translation>
    </message>
    <message>
      <source>a date in a text column (kept)</source>
      <translation>a date in a text column (kept)</translation>
    </message>
    <message>
      <source>merged cell (kept)</source>
      <translation>merged cell (kept)</translation>
    </message>
    <message>
      <source>sheet not read</source>
      <translation>sheet not read</translation>
    </message>
    <message>
      <source>%1 has %2 characters, at most %3 are allowed: shorten it in the file.</source>
      <translation>%1 has %2 characters, at most %3 are allowed: shorten it in the file.</translation>
    </message>
    <message>
      <source>“%1” is not a category of this event; imported as “%2”. Correct the cell, or add the category to the event file.</source>
      <translation>“%1” is not a category of this event; imported as “%2”. Correct the cell, or add the category to the event file.</translation>
    </message>
    <message>
      <source>“%1” is not a category of this event; imported without a category. Correct the cell, or add the category to the event file.</source>
      <translation>“%1” is not a category of this event; imported without a category. Correct the cell, or add the category to the event file.</translation>
    </message>
    <message>
      <source>Hidden sheet “%1” has %2 rows that were not read: only the first visible sheet is. Move its rows there.</source>
      <translation>Hidden sheet “%1” has %2 rows that were not read: only the first visible sheet is. Move its rows there.</translation>
    </message>
    <message>
      <source>Sheet “%1” has %2 rows that were not read: only the first visible sheet is. Move its rows there.</source>
      <translation>Sheet “%1” has %2 rows that were not read: only the first visible sheet is. Move its rows there.</translation>
    </message>
    <message>
      <source>The name cell is empty: fill it in.</source>
      <translation>The name cell is empty: fill it in.</translation>
    </message>
    <message>
      <source>The badge code cell is empty: fill it in.</source>
      <translation>The badge code cell is empty: fill it in.</translation>
    </message>
    <message>
      <source>Line %1 already has this badge code: give each person their own code.</source>
      <translation>Line %1 already has this badge code: give each person their own code.</translation>
    </message>
    <message>
      <source>Line %1 already has this id: give each person their own id.</source>
      <translation>Line %1 already has this id: give each person their own id.</translation>
    </message>
    <message>
      <source>“%1” is not a forum of this event: use a forum id or name from the event file.</source>
      <translation>“%1” is not a forum of this event: use a forum id or name from the event file.</translation>
    </message>
    <message>
      <source>“%1” is not a status: write active or cancelled (正常 or 已取消).</source>
      <translation>“%1” is not a status: write active or cancelled (正常 or 已取消).</translation>
    </message>
    <message>
      <source>The roster already gives this code to %1: correct the code, or the id if this is the same person.</source>
      <translation>The roster already gives this code to %1: correct the code, or the id if this is the same person.</translation>
    </message>
    <message>
      <source>The %1 was stored as a number and lost its last digits (%2): format the column as text and type it again.</source>
      <translation>The %1 was stored as a number and lost its last digits (%2): format the column as text and type it again.</translation>
    </message>
    <message>
      <source>The %1 cell holds a date (%2): format the column as text and type it again.</source>
      <translation>The %1 cell holds a date (%2): format the column as text and type it again.</translation>
    </message>
    <message>
      <source>Phone %1 was typed as a number, so a leading zero may be lost: format the column as text.</source>
      <translation>Phone %1 was typed as a number, so a leading zero may be lost: format the column as text.</translation>
    </message>
    <message>
      <source>The %1 cell holds a date, imported as %2: check the cell.</source>
      <translation>The %1 cell holds a date, imported as %2: check the cell.</translation>
    </message>
    <message>
      <source>The %1 was taken from the merged cell %2: check that it belongs to this row.</source>
      <translation>The %1 was taken from the merged cell %2: check that it belongs to this row.</translation>
    </message>
  </context>
  <context>
    <name>KioskCalls</name>
    <message>
      <source>Kiosk %1</source>
      <translation>Kiosk %1</translation>
    </message>
    <message>
      <source>Desk %1</source>
      <translation>Desk %1</translation>
    </message>
    <message>
      <source>A guest at %1 asks for help (%2)</source>
      <translation>A guest at %1 asks for help (%2)</translation>
    </message>
    <message>
      <source>Wrong phone digits at %1 (%2, %3 tries): the guest may need help</source>
      <translation>Wrong phone digits at %1 (%2, %3 tries): the guest may need help</translation>
    </message>
    <message>
      <source>On my way</source>
      <translation>On my way</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>REHEARSAL MODE — check-ins are not counted</source>
      <translation>REHEARSAL MODE — check-ins are not counted</translation>
    </message>
    <message>
      <source>Check the clock: this computer says %1, outside the event's dates (%2). Every badge would be refused.</source>
      <translation>Check the clock: this computer says %1, outside the event's dates (%2). Every badge would be refused.</translation>
    </message>
    <message>
      <source>Forum check-in</source>
      <translation>Forum check-in</translation>
    </message>
  </context>
  <context>
    <name>Outcome</name>
    <message>
      <source>Please see the staff at the help desk</source>
      <translation>Please see the staff at the help desk</translation>
    </message>
    <message>
      <source>They will look at your registration with you.</source>
      <translation>They will look at your registration with you.</translation>
    </message>
    <message>
      <source>This badge was checked in %1 at %2. Lost your pass? Please go to the help desk.</source>
      <translation>This badge was checked in %1 at %2. Lost your pass? Please go to the help desk.</translation>
    </message>
    <message>
      <source>Your pass is being printed again</source>
      <translation>Your pass is being printed again</translation>
    </message>
    <message>
      <source>You are checked in. If no pass comes out, please go to the help desk.</source>
      <translation>You are checked in. If no pass comes out, please go to the help desk.</translation>
    </message>
    <message>
      <source>A volunteer will find your registration and print your pass.</source>
      <translation>A volunteer will find your registration and print your pass.</translation>
    </message>
    <message>
      <source>Welcome, %1</source>
      <translation>Welcome, %1</translation>
    </message>
    <message>
      <source>Already checked in</source>
      <translation>Already checked in</translation>
    </message>
    <message>
      <source>Badge not recognised</source>
      <translation>Badge not recognised</translation>
    </message>
    <message>
      <source>This badge is no longer valid</source>
      <translation>This badge is no longer valid</translation>
    </message>
    <message>
      <source>Not registered for this forum</source>
      <translation>Not registered for this forum</translation>
    </message>
    <message>
      <source>Check-in has not opened yet</source>
      <translation>Check-in has not opened yet</translation>
    </message>
    <message>
      <source>Check-in has closed</source>
      <translation>Check-in has closed</translation>
    </message>
    <message>
      <source>The room is full</source>
      <translation>The room is full</translation>
    </message>
    <message>
      <source>Invalid badge</source>
      <translation>Invalid badge</translation>
    </message>
    <message>
      <source>This badge is for another event</source>
      <translation>This badge is for another event</translation>
    </message>
    <message>
      <source>Your forums:</source>
      <translation>Your forums:</translation>
    </message>
    <message>
      <source>This badge was checked in on %1 at %2. Lost your pass? Please go to the help desk.</source>
      <translation>This badge was checked in on %1 at %2. Lost your pass? Please go to the help desk.</translation>
    </message>
    <message>
      <source>We could not find this code. Please go to the help desk.</source>
      <translation>We could not find this code. Please go to the help desk.</translation>
    </message>
    <message>
      <source>A new badge was issued to replace it. Please go to the help desk.</source>
      <translation>A new badge was issued to replace it. Please go to the help desk.</translation>
    </message>
    <message>
      <source>Your badge does not include this forum. Please ask a volunteer.</source>
      <translation>Your badge does not include this forum. Please ask a volunteer.</translation>
    </message>
    <message>
      <source>Please come back a little later.</source>
      <translation>Please come back a little later.</translation>
    </message>
    <message>
      <source>Please go to the help desk.</source>
      <translation>Please go to the help desk.</translation>
    </message>
    <message>
      <source>Please wait for a volunteer.</source>
      <translation>Please wait for a volunteer.</translation>
    </message>
    <message>
      <source>This code could not be verified. Please go to the help desk.</source>
      <translation>This code could not be verified. Please go to the help desk.</translation>
    </message>
    <message>
      <source>Welcome back, %1</source>
      <translation>Welcome back, %1</translation>
    </message>
    <message>
      <source>Re-entry</source>
      <translation>Re-entry</translation>
    </message>
    <message>
      <source>Your registration was cancelled. Please go to the help desk.</source>
      <translation>Your registration was cancelled. Please go to the help desk.</translation>
    </message>
  </context>
  <context>
    <name>PinDialog</name>
    <message>
      <source>Admin PIN</source>
      <translation>Admin PIN</translation>
    </message>
    <message>
      <source>Enter the admin PIN</source>
      <translation>Enter the admin PIN</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>Too many wrong PINs. PIN entry is locked for %1 min, until %2.</source>
      <translation>Too many wrong PINs. PIN entry is locked for %1 min, until %2.</translation>
    </message>
    <message>
      <source>Wrong PIN. Tries left: %1</source>
      <translation>Wrong PIN. Tries left: %1</translation>
    </message>
  </context>
  <context>
    <name>SelfService</name>
    <message>
      <source>Please show your QR code to the camera</source>
      <translation>Please show your QR code to the camera</translation>
    </message>
    <message>
      <source>No QR code? Find your name</source>
      <translation>No QR code? Find your name</translation>
    </message>
    <message>
      <source>No event loaded</source>
      <translation>No event loaded</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Help</translation>
    </message>
    <message>
      <source>Larger text</source>
      <translation>Larger text</translation>
    </message>
    <message>
      <source>High contrast</source>
      <translation>High contrast</translation>
    </message>
    <message>
      <source>Your pass will be printed at the help desk</source>
      <translation>Your pass will be printed at the help desk</translation>
    </message>
    <message>
      <source>Please take your pass below ↓</source>
      <translation>Please take your pass below ↓</translation>
    </message>
    <message>
      <source>A badge was just scanned: tap here to show its result</source>
      <translation>A badge was just scanned: tap here to show its result</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>A volunteer has been called to this kiosk (%1). Please wait here.</source>
      <translation>A volunteer has been called to this kiosk (%1). Please wait here.</translation>
    </message>
    <message>
      <source>Type your surname and given name in pinyin or English</source>
      <translation>Type your surname and given name in pinyin or English</translation>
    </message>
    <message>
      <source>e.g. zhangwei, Smith John</source>
      <translation>e.g. zhangwei, Smith John</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Back</translation>
    </message>
    <message>
      <source>No one found. Check the spelling, or go to the help desk.</source>
      <translation>No one found. Check the spelling, or go to the help desk.</translation>
    </message>
    <message>
      <source>Keep typing: your full surname and the first letter of your given name</source>
      <translation>Keep typing: your full surname and the first letter of your given name</translation>
    </message>
    <message>
      <source>%1 found: tap your name</source>
      <translation>%1 found: tap your name</translation>
    </message>
    <message>
      <source>%1 found: type more of your name to narrow</source>
      <translation>%1 found: type more of your name to narrow</translation>
    </message>
    <message>
      <source>To confirm it is you, enter the last 4 digits of your mobile phone number</source>
      <translation>To confirm it is you, enter the last 4 digits of your mobile phone number</translation>
    </message>
    <message>
      <source>Not me — back</source>
      <translation>Not me — back</translation>
    </message>
    <message>
      <source>Those digits do not match. Tries left: %1</source>
      <translation>Those digits do not match. Tries left: %1</translation>
    </message>
  </context>
  <context>
    <name>StartupProgress</name>
    <message>
      <source>Preparing the demo</source>
      <translation>Preparing the demo</translation>
    </message>
    <message>
      <source>Making the demo roster…</source>
      <translation>Making the demo roster…</translation>
    </message>
    <message>
      <source>Recording the demo badge video…</source>
      <translation>Recording the demo badge video…</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>Starting…</translation>
    </message>
  </context>
  <context>
    <name>SyncDot</name>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
    <message>
      <source>%1 s ago</source>
      <translation>%1 s ago</translation>
    </message>
    <message>
      <source>Hub: connected</source>
      <translation>Hub: connected</translation>
    </message>
    <message>
      <source>Hub: catching up</source>
      <translation>Hub: catching up</translation>
    </message>
    <message>
      <source>Hub: out of reach — this desk decides on its own</source>
      <translation>Hub: out of reach — this desk decides on its own</translation>
    </message>
    <message>
      <source>%1 · last sync %2 · %3 check-ins waiting</source>
      <translation>%1 · last sync %2 · %3 check-ins waiting</translation>
    </message>
  </context>
</TS>