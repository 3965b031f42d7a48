<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>Scan a badge or type a name, pinyin, initials, organisation or the last 4 digits of a phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Forums</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check-in history</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Desk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>★ VIP</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Registration cancelled: this person may not enter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No forum registered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not checked in yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entrance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(voided)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DelegateCard</name>
    <message>
      <source>scan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>override</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>void</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reprint</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>new badge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>walk-in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>wrong PIN</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hall %1</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>