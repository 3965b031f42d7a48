<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name />
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
      <source>hall %1</source>
      <translation>hall %1</translation>
    </message>
  </context>
</TS>