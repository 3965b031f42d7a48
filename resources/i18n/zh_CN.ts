<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AdminData</name>
    <message>
      <source>Export the journal</source>
      <translation>导出签到记录</translation>
    </message>
    <message>
      <source>Export all check-ins…</source>
      <translation>导出全部签到…</translation>
    </message>
    <message>
      <source>Rehearsal</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>Rehearsal mode (check-ins are kept apart and not counted)</source>
      <translation>演练模式（签到单独保存，不计入统计）</translation>
    </message>
    <message>
      <source>While it is on, every screen shows a banner. Turn it off before the doors open.</source>
      <translation>开启期间每个屏幕都显示提示横幅。正式开门前请关闭。</translation>
    </message>
    <message>
      <source>Purge personal data after the event</source>
      <translation>活动结束后清除个人信息</translation>
    </message>
    <message>
      <source>Removes names, phones, e-mails, organisations and notes from this kiosk for good. The statistics stay. Export the journal first.</source>
      <translation>从本机永久删除姓名、手机、邮箱、单位和备注，统计数据保留。请先导出签到记录。</translation>
    </message>
    <message>
      <source>The admin PIN again, to confirm</source>
      <translation>再次输入管理员 PIN 以确认</translation>
    </message>
    <message>
      <source>Purge personal data</source>
      <translation>清除个人信息</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>%1 check-ins written to %2</source>
      <translation>已将 %1 条签到写入 %2</translation>
    </message>
    <message>
      <source>Export failed: %1</source>
      <translation>导出失败：%1</translation>
    </message>
    <message>
      <source>Checking the PIN…</source>
      <translation>正在核对 PIN…</translation>
    </message>
    <message>
      <source>Wrong PIN: nothing was purged. The PIN screen locks for a while after too many tries.</source>
      <translation>PIN 错误：未删除任何数据。错误次数过多后 PIN 界面将锁定一段时间。</translation>
    </message>
    <message>
      <source>Wrong PIN: nothing was purged (%1 tries left).</source>
      <translation>PIN 错误：未删除任何数据（还可尝试 %1 次）。</translation>
    </message>
    <message>
      <source>Personal data of %1 delegates removed.</source>
      <translation>已清除 %1 位代表的个人信息。</translation>
    </message>
    <message>
      <source>Purge failed: %1</source>
      <translation>清除失败：%1</translation>
    </message>
  </context>
  <context>
    <name>AdminRoster</name>
    <message>
      <source>Roster file (CSV in UTF-8 or GBK, or XLSX):</source>
      <translation>名单文件（UTF-8 或 GBK 编码的 CSV，或 XLSX）：</translation>
    </message>
    <message>
      <source>Choose the file exported by the registration system</source>
      <translation>请选择报名系统导出的文件</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>Full roster: cancel everyone who is not in this file</source>
      <translation>完整名单：不在此文件中的人员一律取消</translation>
    </message>
    <message>
      <source>Check file</source>
      <translation>检查文件</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Rejected rows and warnings</source>
      <translation>被拒绝的行和警告</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Roster file</source>
      <translation>名单文件</translation>
    </message>
    <message>
      <source>Rosters (*.csv *.xlsx *.txt);;All files (*)</source>
      <translation>名单 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Check the file first.</source>
      <translation>请先检查文件。</translation>
    </message>
    <message>
      <source>Choose a roster file first.</source>
      <translation>请先选择名单文件。</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Read %1 rows…</source>
      <translation>已读取 %1 行…</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>The import failed; nothing was changed: %1</source>
      <translation>导入失败，未做任何更改：%1</translation>
    </message>
    <message>
      <source>file</source>
      <translation>整个文件</translation>
    </message>
    <message>
      <source>This file cannot be imported; nothing was changed: %1</source>
      <translation>此文件无法导入，未做任何更改：%1</translation>
    </message>
    <message>
      <source>Checked, nothing changed yet. Importing this file would add %1 new, change %2, leave %3 unchanged and cancel %4; %5 rows would be rejected and %6 kept with a warning. Press Import to apply it.</source>
      <translation>已检查，尚未做任何改动。导入此文件将新增 %1 人、修改 %2 人、%3 人不变、取消 %4 人；%5 行将被拒绝，%6 行带警告导入。按“导入”执行。</translation>
    </message>
    <message>
      <source>%1 new, %2 updated, %3 unchanged, %4 cancelled; %5 rows rejected, %6 kept with a warning.</source>
      <translation>新增 %1，更新 %2，未变 %3，取消 %4；拒绝 %5 行，%6 行带警告导入。</translation>
    </message>
  </context>
  <context>
    <name>AdminScreen</name>
    <message>
      <source>self-service</source>
      <translation>自助签到</translation>
    </message>
    <message>
      <source>help desk</source>
      <translation>服务台</translation>
    </message>
    <message>
      <source>forum door</source>
      <translation>论坛入口</translation>
    </message>
    <message>
      <source>Administration</source>
      <translation>管理</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Roster import</source>
      <translation>导入名单</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>VIPs</source>
      <translation>贵宾</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Export and purge</source>
      <translation>导出与清除</translation>
    </message>
    <message>
      <source>Back to %1  [Ctrl+Q]</source>
      <translation>返回%1  [Ctrl+Q]</translation>
    </message>
  </context>
  <context>
    <name>AdminSettings</name>
    <message>
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <source>Gate</source>
      <translation>入口</translation>
    </message>
    <message>
      <source>Desk name (in the journal)</source>
      <translation>服务台名称（记入日志）</translation>
    </message>
    <message>
      <source>Supervisor volunteers call (F8)</source>
      <translation>志愿者呼叫的主管 (F8)</translation>
    </message>
    <message>
      <source>Supervisor's phone</source>
      <translation>主管电话</translation>
    </message>
    <message>
      <source>Operator language</source>
      <translation>操作语言</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>摄像头</translation>
    </message>
    <message>
      <source>Printer</source>
      <translation>打印机</translation>
    </message>
    <message>
      <source>ESC/POS address (host:port)</source>
      <translation>ESC/POS 地址（主机:端口）</translation>
    </message>
    <message>
      <source>PDF folder</source>
      <translation>PDF 文件夹</translation>
    </message>
    <message>
      <source>Pass layout</source>
      <translation>证件版式</translation>
    </message>
    <message>
      <source>Self-service: back to start after (seconds)</source>
      <translation>自助签到：返回首页（秒）</translation>
    </message>
    <message>
      <source>Sounds</source>
      <translation>声音</translation>
    </message>
    <message>
      <source>Spoken prompts</source>
      <translation>语音提示</translation>
    </message>
    <message>
      <source>Look for cameras</source>
      <translation>查找摄像头</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>Print a test pass</source>
      <translation>打印测试通行证</translation>
    </message>
    <message>
      <source>Play a sound for each result</source>
      <translation>每次结果播放提示音</translation>
    </message>
    <message>
      <source>Then say the result in the guest's language</source>
      <translation>随后用来宾的语言播报结果</translation>
    </message>
    <message>
      <source>Name, e.g. Li Na</source>
      <translation>姓名，例如 李娜</translation>
    </message>
    <message>
      <source>e.g. 138 0000 1234</source>
      <translation>例如 138 0000 1234</translation>
    </message>
    <message>
      <source>Default: the passes folder beside the database</source>
      <translation>默认：数据库旁的 passes 文件夹</translation>
    </message>
    <message>
      <source>Save settings</source>
      <translation>保存设置</translation>
    </message>
    <message>
      <source>No picture yet: press Preview</source>
      <translation>暂无画面：请点“预览”</translation>
    </message>
    <message>
      <source>Self-service kiosk</source>
      <translation>自助签到机</translation>
    </message>
    <message>
      <source>Help desk</source>
      <translation>服务台</translation>
    </message>
    <message>
      <source>Forum door</source>
      <translation>论坛入口</translation>
    </message>
    <message>
      <source>Main entrance</source>
      <translation>主入口</translation>
    </message>
    <message>
      <source>PDF folder (no paper)</source>
      <translation>PDF 文件夹（不出纸）</translation>
    </message>
    <message>
      <source>System printer: %1</source>
      <translation>系统打印机：%1</translation>
    </message>
    <message>
      <source>ESC/POS thermal printer (address below)</source>
      <translation>ESC/POS 热敏打印机（地址见下）</translation>
    </message>
    <message>
      <source>No printer</source>
      <translation>不打印</translation>
    </message>
    <message>
      <source>Demo badge video</source>
      <translation>演示胸卡视频</translation>
    </message>
    <message>
      <source>No camera</source>
      <translation>无摄像头</translation>
    </message>
    <message>
      <source>As set before: %1</source>
      <translation>原有设置：%1</translation>
    </message>
    <message>
      <source>%1 camera(s) found</source>
      <translation>找到 %1 个摄像头</translation>
    </message>
    <message>
      <source>No camera found: check the cable, or use the demo video</source>
      <translation>未找到摄像头：请检查连接线，或使用演示视频</translation>
    </message>
    <message>
      <source>Opening the camera…</source>
      <translation>正在打开摄像头…</translation>
    </message>
    <message>
      <source>No picture from this camera</source>
      <translation>此摄像头无画面</translation>
    </message>
    <message>
      <source>Not saved: %1</source>
      <translation>未保存：%1</translation>
    </message>
    <message>
      <source>Test pass sent to %1: see the printer status.</source>
      <translation>测试通行证已发送到 %1：请查看打印机状态。</translation>
    </message>
    <message>
      <source>Printing is off: choose a printer and save first.</source>
      <translation>打印已关闭：请先选择打印机并保存。</translation>
    </message>
    <message>
      <source>Not saved: “%1” is not a phone number. Use digits, spaces and + - ( ) only.</source>
      <translation>未保存：“%1”不是电话号码。只能使用数字、空格和 + - ( )。</translation>
    </message>
    <message>
      <source>Saved and in use.</source>
      <translation>已保存并已生效。</translation>
    </message>
    <message>
      <source>Saved. Printing is off: %1 pass(es) waiting will print when a printer is chosen again.</source>
      <translation>已保存。打印已关闭：%1 张待打印的通行证将在重新选择打印机后打印。</translation>
    </message>
    <message>
      <source>Saved. Printing is off at this kiosk.</source>
      <translation>已保存。本机已关闭打印。</translation>
    </message>
  </context>
  <context>
    <name>AdminStats</name>
    <message>
      <source>Arrived at the entrance: %1 of %2 registered</source>
      <translation>主入口已到 %1 人，共报名 %2 人</translation>
    </message>
    <message>
      <source>%1 double check-ins made while offline</source>
      <translation>离线期间重复签到 %1 次</translation>
    </message>
    <message>
      <source>REHEARSAL figures</source>
      <translation>演练数据</translation>
    </message>
    <message>
      <source>VIPs arrived (%1)</source>
      <translation>已到贵宾（%1）</translation>
    </message>
    <message>
      <source>VIPs not yet arrived (%1)</source>
      <translation>未到贵宾（%1）</translation>
    </message>
  </context>
  <context>
    <name>AdminSync</name>
    <message>
      <source>Enrolment code</source>
      <translation>接入码</translation>
    </message>
    <message>
      <source>Paste or scan the code that `hub enrol` shows</source>
      <translation>粘贴或扫描 `hub enrol` 显示的接入码</translation>
    </message>
    <message>
      <source>Join the hub</source>
      <translation>接入中心服务器</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <source>Sync automatically in the background</source>
      <translation>后台自动同步</translation>
    </message>
    <message>
      <source>Allow plain HTTP to a hub on another machine (unencrypted: tokens and names cross the network readable)</source>
      <translation>允许以明文 HTTP 连接其他机器上的中心服务器（不加密：令牌和姓名以可读形式在网络上传输）</translation>
    </message>
    <message>
      <source>Joined the hub at %1 as desk %2.</source>
      <translation>已接入中心服务器 %1，本机为 %2。</translation>
    </message>
    <message>
      <source>Not joined to a hub yet: on the hub, run `hub enrol DESK --url ADDRESS`.</source>
      <translation>尚未接入中心服务器：请在中心服务器上运行 `hub enrol 服务台名 --url 地址`。</translation>
    </message>
    <message>
      <source>Join the hub first: paste the enrolment code above.</source>
      <translation>请先接入中心服务器：在上方粘贴接入码。</translation>
    </message>
    <message>
      <source>Stop scanning</source>
      <translation>停止扫描</translation>
    </message>
    <message>
      <source>Scan enrolment code</source>
      <translation>扫描接入码</translation>
    </message>
    <message>
      <source>No camera at this kiosk: choose one in Settings, or paste the code.</source>
      <translation>本机没有摄像头：请在“设置”中选择一个，或粘贴入网码。</translation>
    </message>
    <message>
      <source>Hold the QR code that `hub enrol` shows up to the camera…</source>
      <translation>请将 `hub enrol` 显示的二维码对准摄像头……</translation>
    </message>
    <message>
      <source>Stopped scanning: no code was read.</source>
      <translation>已停止扫描：未读到二维码。</translation>
    </message>
    <message>
      <source>The camera read a code that is not an enrolment code: show the QR that `hub enrol` printed.</source>
      <translation>摄像头读到的不是接入码：请出示 `hub enrol` 生成的二维码。</translation>
    </message>
    <message>
      <source>Joining the hub…</source>
      <translation>正在接入中心服务器…</translation>
    </message>
    <message>
      <source>Joined. Press Sync now, or turn on the automatic sync.</source>
      <translation>已接入。请点“立即同步”，或开启自动同步。</translation>
    </message>
    <message>
      <source>That is not an enrolment code: paste the whole line `hub enrol` printed.</source>
      <translation>这不是接入码：请粘贴 `hub enrol` 输出的整行内容。</translation>
    </message>
    <message>
      <source>The hub refused this code: it was used already or has expired. Make a new one with `hub enrol`.</source>
      <translation>中心服务器拒绝了此接入码：已被使用或已过期。请用 `hub enrol` 重新生成。</translation>
    </message>
    <message>
      <source>The hub cannot be reached at the code's address: check the network and the address.</source>
      <translation>无法连接接入码中的地址：请检查网络和地址。</translation>
    </message>
    <message>
      <source>The hub answered something this desk cannot use: check the address is the hub's.</source>
      <translation>中心服务器的应答无法使用：请确认地址是中心服务器的。</translation>
    </message>
    <message>
      <source>The hub's certificate is not the one the code names: nothing was sent. Check the address, or make a new code.</source>
      <translation>中心服务器的证书与注册码中的不符：未发送任何数据。请检查地址，或重新生成注册码。</translation>
    </message>
    <message>
      <source>The code's hub is on another machine over plain HTTP: serve the hub with TLS, or allow plain HTTP below.</source>
      <translation>注册码中的中心服务器在其他机器上，且使用明文 HTTP：请为中心服务器启用 TLS，或在下方允许明文 HTTP。</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <source>Done: %1 roster changes, %2 check-ins sent, %3 received from other desks.</source>
      <translation>完成：名单变更 %1 条，发送签到 %2 条，收到其他服务台签到 %3 条。</translation>
    </message>
    <message>
      <source>the hub's certificate is not the one this desk pinned, so nothing was sent</source>
      <translation>中心服务器的证书与本机固定的证书不符，未发送任何数据</translation>
    </message>
    <message>
      <source>plain HTTP to a hub on another machine is not allowed here</source>
      <translation>本机不允许以明文 HTTP 连接其他机器上的中心服务器</translation>
    </message>
    <message>
      <source>Sync failed: %1. This desk keeps working on its own.</source>
      <translation>同步失败：%1。本服务台继续独立工作。</translation>
    </message>
    <message>
      <source>Automatic sync is off. %1 check-ins not yet sent.</source>
      <translation>自动同步已关闭。%1 条签到尚未发送。</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <source>not connected</source>
      <translation>未连接</translation>
    </message>
    <message>
      <source>Hub: %1 · last sync %2 · %3 check-ins waiting to be sent</source>
      <translation>中心：%1 · 上次同步 %2 · %3 条签到待发送</translation>
    </message>
    <message>
      <source>Last problem: %1</source>
      <translation>最近的问题：%1</translation>
    </message>
  </context>
  <context>
    <name>CameraView</name>
    <message>
      <source>Camera not working: %1. Retrying… Please use the scanner or ask a volunteer.</source>
      <translation>摄像头故障：%1。正在重试……请使用扫码枪或咨询志愿者。</translation>
    </message>
    <message>
      <source>it cannot be opened</source>
      <translation>无法打开</translation>
    </message>
    <message>
      <source>it stopped sending pictures</source>
      <translation>没有画面</translation>
    </message>
    <message>
      <source>no camera</source>
      <translation>未连接摄像头</translation>
    </message>
  </context>
  <context>
    <name>Charts</name>
    <message>
      <source>Arrivals per 10 minutes</source>
      <translation>每 10 分钟到达人数</translation>
    </message>
    <message>
      <source>Admitted</source>
      <translation>允许入场</translation>
    </message>
    <message>
      <source>Forums: admitted against capacity</source>
      <translation>各论坛入场人数／容量</translation>
    </message>
    <message>
      <source>% of capacity</source>
      <translation>占容量百分比</translation>
    </message>
    <message>
      <source>Arrivals by category</source>
      <translation>按身份类别到达人数</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
  </context>
  <context>
    <name>DatabaseNotice</name>
    <message>
      <source>The database is damaged</source>
      <translation>数据库已损坏</translation>
    </message>
    <message>
      <source>The database cannot be written</source>
      <translation>数据库无法写入</translation>
    </message>
    <message>
      <source>The disk is full</source>
      <translation>磁盘已满</translation>
    </message>
    <message>
      <source>The database is in use by another program</source>
      <translation>数据库正被另一个程序占用</translation>
    </message>
    <message>
      <source>The disk cannot be read</source>
      <translation>磁盘读写出错</translation>
    </message>
    <message>
      <source>Until this is fixed the kiosk admits nobody; every check-in it showed before was saved.</source>
      <translation>修复之前，本机不会让任何人签到；此前显示成功的签到都已保存。</translation>
    </message>
  </context>
  <context>
    <name>DelegateCard</name>
    <message>
      <source>scan</source>
      <translation>扫码</translation>
    </message>
    <message>
      <source>override</source>
      <translation>人工放行</translation>
    </message>
    <message>
      <source>void</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>reprint</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>new badge</source>
      <translation>换发胸卡</translation>
    </message>
    <message>
      <source>walk-in</source>
      <translation>现场注册</translation>
    </message>
    <message>
      <source>wrong PIN</source>
      <translation>PIN 错误</translation>
    </message>
    <message>
      <source>wrong phone digits</source>
      <translation>手机尾号错误</translation>
    </message>
    <message>
      <source>help call</source>
      <translation>呼叫帮助</translation>
    </message>
    <message>
      <source>camera</source>
      <translation>摄像头</translation>
    </message>
    <message>
      <source>scanner</source>
      <translation>扫码枪</translation>
    </message>
    <message>
      <source>code typed</source>
      <translation>手输号码</translation>
    </message>
    <message>
      <source>desk search</source>
      <translation>服务台搜索</translation>
    </message>
    <message>
      <source>self-service search</source>
      <translation>自助搜索</translation>
    </message>
    <message>
      <source>hall %1</source>
      <translation>%1 厅</translation>
    </message>
    <message>
      <source>Scan a badge or type a name, pinyin, initials, organisation or the last 4 digits of a phone</source>
      <translation>请扫码，或输入姓名、拼音、首字母、单位或手机尾号后四位</translation>
    </message>
    <message>
      <source>Forums</source>
      <translation>论坛</translation>
    </message>
    <message>
      <source>Check-in history</source>
      <translation>签到记录</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Gate</source>
      <translation>入口</translation>
    </message>
    <message>
      <source>What</source>
      <translation>事项</translation>
    </message>
    <message>
      <source>Desk</source>
      <translation>服务台</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>No category</source>
      <translation>无身份类别</translation>
    </message>
    <message>
      <source>★ VIP</source>
      <translation>★ 贵宾</translation>
    </message>
    <message>
      <source>Registration cancelled: this person may not enter</source>
      <translation>报名已取消：此人不得入场</translation>
    </message>
    <message>
      <source>No forum registered</source>
      <translation>未报名任何论坛</translation>
    </message>
    <message>
      <source>Not checked in yet</source>
      <translation>尚未签到</translation>
    </message>
    <message>
      <source>Entrance</source>
      <translation>主入口</translation>
    </message>
    <message>
      <source>(voided)</source>
      <translation>（已撤销）</translation>
    </message>
  </context>
  <context>
    <name>DeskActions</name>
    <message>
      <source>Check in</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Reprint pass</source>
      <translation>补打证件</translation>
    </message>
    <message>
      <source>Override refusal</source>
      <translation>人工放行</translation>
    </message>
    <message>
      <source>Void check-in</source>
      <translation>撤销签到</translation>
    </message>
    <message>
      <source>New badge</source>
      <translation>换发胸卡</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>现场注册</translation>
    </message>
    <message>
      <source>Call supervisor</source>
      <translation>呼叫主管</translation>
    </message>
    <message>
      <source>This code is not in the roster, so it cannot be overridden: register a walk-in [F7].</source>
      <translation>此码不在名单中，无法放行：请办理现场注册 [F7]。</translation>
    </message>
    <message>
      <source>That check-in was already voided.</source>
      <translation>该签到已被撤销。</translation>
    </message>
    <message>
      <source>Could not do that: %1</source>
      <translation>操作失败：%1</translation>
    </message>
    <message>
      <source>Could not do that because of an internal error; the journal is unchanged.</source>
      <translation>内部错误，操作未完成；签到记录未改动。</translation>
    </message>
    <message>
      <source>Choose a person first: scan a badge or search a name.</source>
      <translation>请先选定人员：扫描胸卡或搜索姓名。</translation>
    </message>
    <message>
      <source>Nothing to void: %1 has no check-in at this gate.</source>
      <translation>无可撤销：%1 在此入口没有签到。</translation>
    </message>
    <message>
      <source>Reprint the pass of %1</source>
      <translation>为 %1 补打证件</translation>
    </message>
    <message>
      <source>The reprint is journalled with your reason and desk.</source>
      <translation>补打将连同原因和服务台记入签到日志。</translation>
    </message>
    <message>
      <source>Reprint</source>
      <translation>补打</translation>
    </message>
    <message>
      <source>The rules did not admit this person here.</source>
      <translation>按规则此人不能在此入场。</translation>
    </message>
    <message>
      <source>Override the refusal for %1</source>
      <translation>人工放行 %1</translation>
    </message>
    <message>
      <source>Admit anyway</source>
      <translation>仍然放行</translation>
    </message>
    <message>
      <source>Void the check-in of %1</source>
      <translation>撤销 %1 的签到</translation>
    </message>
    <message>
      <source>Use this when someone was checked in by mistake; they can then check in again.</source>
      <translation>用于误签到；撤销后此人可重新签到。</translation>
    </message>
    <message>
      <source>Void</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Issue a new badge for %1</source>
      <translation>为 %1 换发胸卡</translation>
    </message>
    <message>
      <source>The old badge code stops working at once; a new pass is printed.</source>
      <translation>旧胸卡码立即失效，并打印新证件。</translation>
    </message>
    <message>
      <source>Issue new badge</source>
      <translation>换发胸卡</translation>
    </message>
    <message>
      <source>Call the supervisor: %1</source>
      <translation>请呼叫主管：%1</translation>
    </message>
    <message>
      <source>Call the supervisor: %1 (no phone number is set for this desk).</source>
      <translation>请呼叫主管：%1（本服务台未设置联系电话）。</translation>
    </message>
    <message>
      <source>Call the desk supervisor (no phone number is set for this desk).</source>
      <translation>请呼叫服务台主管（本服务台未设置联系电话）。</translation>
    </message>
    <message>
      <source>Pass of %1 sent to the printer again.</source>
      <translation>%1 的证件已重新送打印机。</translation>
    </message>
    <message>
      <source>Reprint of %1 journalled; no printer is set up at this desk.</source>
      <translation>%1 的补打已记录；本服务台未配置打印机。</translation>
    </message>
    <message>
      <source>Check-in voided: %1 can check in again.</source>
      <translation>签到已撤销：%1 可以重新签到。</translation>
    </message>
    <message>
      <source>New badge issued for %1; the old badge no longer works.</source>
      <translation>已为 %1 换发胸卡；旧胸卡已失效。</translation>
    </message>
  </context>
  <context>
    <name>DeskBanner</name>
    <message>
      <source>admitted</source>
      <translation>已入场</translation>
    </message>
    <message>
      <source>already checked in</source>
      <translation>已签到过</translation>
    </message>
    <message>
      <source>unknown badge</source>
      <translation>未知胸卡</translation>
    </message>
    <message>
      <source>badge no longer valid</source>
      <translation>胸卡已失效</translation>
    </message>
    <message>
      <source>not registered here</source>
      <translation>未报名此论坛</translation>
    </message>
    <message>
      <source>too early</source>
      <translation>尚未开放</translation>
    </message>
    <message>
      <source>too late</source>
      <translation>已经结束</translation>
    </message>
    <message>
      <source>room full</source>
      <translation>会场已满</translation>
    </message>
    <message>
      <source>forged code</source>
      <translation>伪造码</translation>
    </message>
    <message>
      <source>another event</source>
      <translation>其他活动</translation>
    </message>
    <message>
      <source>Admitted again (re-entry)</source>
      <translation>再次入场</translation>
    </message>
    <message>
      <source>Admitted</source>
      <translation>允许入场</translation>
    </message>
    <message>
      <source>Already checked in. If the pass was lost, reprint it (F3).</source>
      <translation>已签到过。如证件遗失，请补打 (F3)。</translation>
    </message>
    <message>
      <source>Already checked in on %1 at %2. If the pass was lost, reprint it (F3).</source>
      <translation>已于 %1 在 %2 签到。如证件遗失，请补打 (F3)。</translation>
    </message>
    <message>
      <source>The room is full (%1 of %2 seats). Override (F4) only if the hall manager agrees.</source>
      <translation>会场已满（%2 个座位已有 %1 人）。须经会场负责人同意方可放行 (F4)。</translation>
    </message>
    <message>
      <source>Registration cancelled: this person is not expected. Override (F4) only if the organiser agrees.</source>
      <translation>报名已取消：此人不在预期名单中。须经主办方同意方可放行 (F4)。</translation>
    </message>
    <message>
      <source>Unknown badge: this code is not in the roster. Search the name, or register a walk-in (F7).</source>
      <translation>未知胸卡：此码不在名单中。请搜索姓名，或办理现场注册 (F7)。</translation>
    </message>
    <message>
      <source>This badge was replaced by a newer one: ask for the new badge, or search the name.</source>
      <translation>此胸卡已被新胸卡取代：请出示新胸卡，或搜索姓名。</translation>
    </message>
    <message>
      <source>Not registered for this forum. Override (F4) if the organiser agrees.</source>
      <translation>未报名本论坛。经主办方同意可放行 (F4)。</translation>
    </message>
    <message>
      <source>Check-in has not opened yet. Check the machine's clock and the event dates.</source>
      <translation>签到尚未开始。请检查本机时钟和活动日期。</translation>
    </message>
    <message>
      <source>Check-in has closed for this gate.</source>
      <translation>此入口签到已结束。</translation>
    </message>
    <message>
      <source>Forged or damaged code: the signature does not match. Search the name.</source>
      <translation>伪造或损坏的码：签名不符。请搜索姓名。</translation>
    </message>
    <message>
      <source>This badge belongs to another event.</source>
      <translation>此胸卡属于其他活动。</translation>
    </message>
    <message>
      <source>★ VIP arrived: %1. Please inform the protocol staff.</source>
      <translation>★ 贵宾已到：%1。请通知礼宾人员。</translation>
    </message>
    <message>
      <source>Protocol informed</source>
      <translation>已通知礼宾</translation>
    </message>
  </context>
  <context>
    <name>DeskDialogs</name>
    <message>
      <source>Pass lost</source>
      <translation>证件遗失</translation>
    </message>
    <message>
      <source>Pass damaged</source>
      <translation>证件损坏</translation>
    </message>
    <message>
      <source>Printer jammed</source>
      <translation>打印机卡纸</translation>
    </message>
    <message>
      <source>Organiser approved</source>
      <translation>主办方同意</translation>
    </message>
    <message>
      <source>Badge damaged</source>
      <translation>胸卡损坏</translation>
    </message>
    <message>
      <source>Registered by phone</source>
      <translation>电话确认报名</translation>
    </message>
    <message>
      <source>Checked in by mistake</source>
      <translation>误签到</translation>
    </message>
    <message>
      <source>Wrong person selected</source>
      <translation>选错了人</translation>
    </message>
    <message>
      <source>Badge lost</source>
      <translation>胸卡遗失</translation>
    </message>
    <message>
      <source>Badge given to someone else</source>
      <translation>胸卡转给他人</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Reason (type it, or pick one with ↑↓):</source>
      <translation>原因（可输入，或用 ↑↓ 选择）：</translation>
    </message>
    <message>
      <source>Why? This goes into the journal</source>
      <translation>原因将记入签到日志</translation>
    </message>
    <message>
      <source>Please give a reason: it is kept in the journal.</source>
      <translation>请填写原因：原因将记入签到日志。</translation>
    </message>
    <message>
      <source>Register a walk-in</source>
      <translation>现场注册</translation>
    </message>
    <message>
      <source>They get a new badge code, are admitted here and their pass is printed. * is required; the phone or email finds them if they are on the roster already.</source>
      <translation>将获得新的胸卡码，在此签到并打印通行证。* 为必填；填写手机或邮箱可发现已在名单中的人。</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>姓名 *</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>英文名</translation>
    </message>
    <message>
      <source>Organisation *</source>
      <translation>单位 *</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>手机</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Category *</source>
      <translation>身份类别 *</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— 请选择 —</translation>
    </message>
    <message>
      <source>Forums (Space ticks one)</source>
      <translation>论坛（空格键勾选）</translation>
    </message>
    <message>
      <source>Register and admit</source>
      <translation>注册并放行</translation>
    </message>
    <message>
      <source>name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>category</source>
      <translation>身份类别</translation>
    </message>
    <message>
      <source>Please fill in: %1</source>
      <translation>请填写：%1</translation>
    </message>
    <message>
      <source>same name</source>
      <translation>姓名相同</translation>
    </message>
    <message>
      <source>same phone</source>
      <translation>手机相同</translation>
    </message>
    <message>
      <source>same email</source>
      <translation>邮箱相同</translation>
    </message>
    <message>
      <source>This is probably %1 (%2) — check in %1 instead?</source>
      <translation>这位可能是 %1（%2）——改为为 %1 签到？</translation>
    </message>
    <message>
      <source>Already on the roster with the same name, phone or email as the walk-in.</source>
      <translation>名单中已有与此现场注册者姓名、手机或邮箱相同的人。</translation>
    </message>
    <message>
      <source>registration cancelled</source>
      <translation>报名已取消</translation>
    </message>
    <message>
      <source>Not them? Register %1 as a new walk-in  [F9]</source>
      <translation>不是此人？将 %1 登记为新的现场注册  [F9]</translation>
    </message>
    <message>
      <source>Check in the one chosen</source>
      <translation>为所选之人签到</translation>
    </message>
  </context>
  <context>
    <name>DeskGuidance</name>
    <message>
      <source>Override with a reason</source>
      <translation>说明理由后放行</translation>
    </message>
    <message>
      <source>Print the pass</source>
      <translation>打印通行证</translation>
    </message>
    <message>
      <source>Register a walk-in</source>
      <translation>现场注册</translation>
    </message>
    <message>
      <source>Call the supervisor</source>
      <translation>呼叫主管</translation>
    </message>
    <message>
      <source>Not registered for any forum: send to the registration desk.</source>
      <translation>未报名任何论坛：请引导至报名处。</translation>
    </message>
    <message>
      <source> and </source>
      <translation>和</translation>
    </message>
    <message>
      <source>Registered for %1</source>
      <translation>已报名：%1</translation>
    </message>
    <message>
      <source> — %1 is in hall %2</source>
      <translation>——%1 在 %2 厅</translation>
    </message>
    <message>
      <source>Cancelled on %1 — send to the registration desk.</source>
      <translation>已于 %1 取消报名——请引导至报名处。</translation>
    </message>
    <message>
      <source>Cancelled — send to the registration desk.</source>
      <translation>报名已取消——请引导至报名处。</translation>
    </message>
  </context>
  <context>
    <name>DeskScreen</name>
    <message>
      <source>%1 people match: nobody was checked in. Choose one with ↓ and press Enter, or type more of the name.</source>
      <translation>有 %1 人符合：未为任何人签到。请用 ↓ 选择后按回车，或输入更完整的姓名。</translation>
    </message>
    <message>
      <source>Nobody found. Try pinyin initials, the organisation or the phone tail, or register a walk-in [F7].</source>
      <translation>未找到。请试试拼音首字母、单位或手机尾号，或办理现场注册 [F7]。</translation>
    </message>
    <message>
      <source>Scan or search  [F1]</source>
      <translation>扫码或搜索  [F1]</translation>
    </message>
    <message>
      <source>Search by name, pinyin, initials, organisation or the last 4 digits of the phone. Enter: check in the one found · ↑↓: choose · Esc: clear</source>
      <translation>可按姓名、拼音、首字母、单位或手机尾号后4位搜索。回车：为唯一结果签到 · ↑↓：选择 · Esc：清除</translation>
    </message>
    <message>
      <source>%1 people match: choose one with ↓, then Enter</source>
      <translation>有 %1 人符合：请用 ↓ 选择，再按回车</translation>
    </message>
    <message>
      <source>Last: %1</source>
      <translation>上一位：%1</translation>
    </message>
  </context>
  <context>
    <name>DeskStatus</name>
    <message>
      <source>Printer: none at this desk</source>
      <translation>打印机：本服务台未配置</translation>
    </message>
    <message>
      <source>%1 waiting</source>
      <translation>%1 张待打印</translation>
    </message>
    <message>
      <source>Printer: paper out</source>
      <translation>打印机：缺纸</translation>
    </message>
    <message>
      <source>Printer: ready</source>
      <translation>打印机：就绪</translation>
    </message>
    <message>
      <source>Printer: printing</source>
      <translation>打印机：正在打印</translation>
    </message>
    <message>
      <source>Printer: offline</source>
      <translation>打印机：离线</translation>
    </message>
    <message>
      <source>Printer: not moving</source>
      <translation>打印机：无进展</translation>
    </message>
    <message>
      <source>Hub: not syncing</source>
      <translation>中心：未同步</translation>
    </message>
    <message>
      <source>%1 to send</source>
      <translation>%1 条待上传</translation>
    </message>
    <message>
      <source>Hub: never reached</source>
      <translation>中心：从未连上</translation>
    </message>
    <message>
      <source>%1 s ago</source>
      <translation>%1 秒前</translation>
    </message>
    <message>
      <source>%1 min ago</source>
      <translation>%1 分钟前</translation>
    </message>
    <message>
      <source>Hub: last contact %1</source>
      <translation>中心：上次联系 %1</translation>
    </message>
    <message>
      <source>Today here: %1 in · %2 refused · %3 walk-ins · %4 overrides</source>
      <translation>今日本台：签到 %1 · 拒绝 %2 · 现场注册 %3 · 放行 %4</translation>
    </message>
    <message>
      <source>Operator:</source>
      <translation>值班人员：</translation>
    </message>
    <message>
      <source>your name</source>
      <translation>您的姓名</translation>
    </message>
  </context>
  <context>
    <name>DoorActions</name>
    <message>
      <source>Let in anyway (F4)</source>
      <translation>仍然放行 (F4)</translation>
    </message>
    <message>
      <source>Call supervisor (F8)</source>
      <translation>呼叫主管 (F8)</translation>
    </message>
    <message>
      <source>Next person (Esc)</source>
      <translation>下一位 (Esc)</translation>
    </message>
    <message>
      <source>Why let them in? (required, kept in the journal)</source>
      <translation>放行原因（必填，记入日志）</translation>
    </message>
    <message>
      <source>Let in</source>
      <translation>放行</translation>
    </message>
    <message>
      <source>Supervisor: %1. Keep the person here; this screen waits.</source>
      <translation>主管：%1。请让此人留在原地；本画面保持不动。</translation>
    </message>
    <message>
      <source>No supervisor is set: the admin sets one in Admin → Settings. Keep the person here.</source>
      <translation>尚未设置主管：请管理员在“管理 → 设置”中填写。请让此人留在原地。</translation>
    </message>
  </context>
  <context>
    <name>DoorExit</name>
    <message>
      <source>Goodbye, %1</source>
      <translation>再见，%1</translation>
    </message>
    <message>
      <source>Exit recorded</source>
      <translation>已记录离场</translation>
    </message>
    <message>
      <source>Exit recorded. This person was not counted in the room, so the count stays.</source>
      <translation>已记录离场。此人未计入场内人数，人数不变。</translation>
    </message>
    <message>
      <source>Left the room: %1 in the room now.</source>
      <translation>已离场：场内现有 %1 人。</translation>
    </message>
  </context>
  <context>
    <name>DoorGuide</name>
    <message>
      <source>%1 (Hall %2)</source>
      <translation>%1（%2 厅）</translation>
    </message>
    <message>
      <source>Registered for no forum: send to the help desk.</source>
      <translation>未报名任何论坛：请引导至服务台。</translation>
    </message>
    <message>
      <source>Send to %1: on now.</source>
      <translation>请引导至 %1：正在进行。</translation>
    </message>
    <message>
      <source>Send to %1: starts at %2.</source>
      <translation>请引导至 %1：%2 开始。</translation>
    </message>
    <message>
      <source>Registered for %1.</source>
      <translation>已报名：%1。</translation>
    </message>
    <message>
      <source>Full: %1 of %2 in the room. Ask them to wait until someone leaves, or let in with the hall manager's agreement (F4).</source>
      <translation>已满：场内 %1 / %2 人。请其等候有人离场，或经会场负责人同意后放行 (F4)。</translation>
    </message>
    <message>
      <source>This door is not open yet: ask them to wait nearby.</source>
      <translation>本入口尚未开放：请其在附近等候。</translation>
    </message>
    <message>
      <source>Check-in at this door has closed: call the supervisor (F8) if they must go in.</source>
      <translation>本入口已停止签到：如确需入场，请呼叫主管 (F8)。</translation>
    </message>
    <message>
      <source>Registration cancelled on %1: send to the registration desk.</source>
      <translation>报名已于 %1 取消：请引导至报名处。</translation>
    </message>
    <message>
      <source>Registration cancelled: send to the registration desk.</source>
      <translation>报名已取消：请引导至报名处。</translation>
    </message>
    <message>
      <source>A newer badge replaced this one: send to the help desk for the new badge.</source>
      <translation>此胸卡已被新胸卡替换：请引导至服务台领取新胸卡。</translation>
    </message>
    <message>
      <source>Already came in at %1 and has not gone out: one badge, one person.</source>
      <translation>已于 %1 入场且未离场：一卡一人。</translation>
    </message>
    <message>
      <source>Not a badge of this event's roster: send to the help desk to find the name.</source>
      <translation>不是本次活动名单中的胸卡：请引导至服务台查找姓名。</translation>
    </message>
  </context>
  <context>
    <name>DoorScreen</name>
    <message>
      <source>Going out: scan the badge of each person leaving</source>
      <translation>出场：请为每位离场者扫描胸卡</translation>
    </message>
    <message>
      <source>Scan your badge or pass</source>
      <translation>请扫描胸卡或通行证</translation>
    </message>
    <message>
      <source>◀ Going out (F2)</source>
      <translation>◀ 出场 (F2)</translation>
    </message>
    <message>
      <source>▶ Coming in (F2)</source>
      <translation>▶ 入场 (F2)</translation>
    </message>
    <message>
      <source>Switch between people coming in and people going out</source>
      <translation>在入场与出场之间切换</translation>
    </message>
    <message>
      <source>Main entrance</source>
      <translation>主入口</translation>
    </message>
    <message>
      <source>Admitted today: %1</source>
      <translation>今日已入场：%1</translation>
    </message>
    <message>
      <source>In the room: %1</source>
      <translation>场内人数：%1</translation>
    </message>
    <message>
      <source>Could not let them in: %1</source>
      <translation>未能放行：%1</translation>
    </message>
    <message>
      <source>Re-entry: back in the room</source>
      <translation>再次入场：已回到场内</translation>
    </message>
    <message>
      <source>Re-entry: already counted in the room</source>
      <translation>再次入场：已计入场内人数</translation>
    </message>
  </context>
  <context>
    <name>Facts</name>
    <message>
      <source>today %1</source>
      <translation>今天 %1</translation>
    </message>
    <message>
      <source>tomorrow %1</source>
      <translation>明天 %1</translation>
    </message>
    <message>
      <source>yesterday %1</source>
      <translation>昨天 %1</translation>
    </message>
    <message>
      <source>Desk %1</source>
      <translation>%1 号服务台</translation>
    </message>
    <message>
      <source>The help desk: %1.</source>
      <translation>服务台位置：%1。</translation>
    </message>
    <message>
      <source>Check-in opens %1.</source>
      <translation>签到开始时间：%1。</translation>
    </message>
    <message>
      <source>Check-in closed %1.</source>
      <translation>签到已于%1结束。</translation>
    </message>
  </context>
  <context>
    <name>FirstStart</name>
    <message>
      <source>Set the admin PIN</source>
      <translation>设置管理员 PIN</translation>
    </message>
    <message>
      <source>Choose an admin PIN (4 to 12 digits):</source>
      <translation>请设置管理员 PIN（4 至 12 位数字）：</translation>
    </message>
    <message>
      <source>Enter the same PIN again:</source>
      <translation>请再次输入同一 PIN：</translation>
    </message>
    <message>
      <source>The two PINs differ.</source>
      <translation>两次输入的 PIN 不一致。</translation>
    </message>
  </context>
  <context>
    <name>ImportProblem</name>
    <message>
      <source>badge code</source>
      <translation>签到码</translation>
    </message>
    <message>
      <source>id</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>英文名</translation>
    </message>
    <message>
      <source>organisation</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>email</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>category</source>
      <translation>身份类别</translation>
    </message>
    <message>
      <source>forums</source>
      <translation>论坛</translation>
    </message>
    <message>
      <source>status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>no name</source>
      <translation>缺少姓名</translation>
    </message>
    <message>
      <source>no badge code</source>
      <translation>缺少签到码</translation>
    </message>
    <message>
      <source>badge code used twice in the file</source>
      <translation>签到码在文件中重复</translation>
    </message>
    <message>
      <source>id used twice in the file</source>
      <translation>编号在文件中重复</translation>
    </message>
    <message>
      <source>unknown forum</source>
      <translation>未知论坛</translation>
    </message>
    <message>
      <source>unknown status</source>
      <translation>未知状态</translation>
    </message>
    <message>
      <source>badge code belongs to someone else</source>
      <translation>签到码已属于他人</translation>
    </message>
    <message>
      <source>text too long</source>
      <translation>内容过长</translation>
    </message>
    <message>
      <source>number lost its digits</source>
      <translation>数字丢失了位数</translation>
    </message>
    <message>
      <source>a date instead of a number</source>
      <translation>应为号码却是日期</translation>
    </message>
    <message>
      <source>unknown category (kept)</source>
      <translation>未知身份类别（已导入）</translation>
    </message>
    <message>
      <source>phone typed as a number (kept)</source>
      <translation>手机号存为数字（已导入）</translation>
    </message>
    <message>
      <source>a date in a text column (kept)</source>
      <translation>文本列中是日期（已导入）</translation>
    </message>
    <message>
      <source>merged cell (kept)</source>
      <translation>合并单元格（已导入）</translation>
    </message>
    <message>
      <source>sheet not read</source>
      <translation>工作表未读取</translation>
    </message>
    <message>
      <source>%1 has %2 characters, at most %3 are allowed: shorten it in the file.</source>
      <translation>%1 有 %2 个字符，最多允许 %3 个：请在文件中缩短。</translation>
    </message>
    <message>
      <source>“%1” is not a category of this event; imported as “%2”. Correct the cell, or add the category to the event file.</source>
      <translation>“%1”不是本次活动的身份类别，已按“%2”导入。请更正该单元格，或在活动文件中添加此类别。</translation>
    </message>
    <message>
      <source>“%1” is not a category of this event; imported without a category. Correct the cell, or add the category to the event file.</source>
      <translation>“%1”不是本次活动的身份类别，已按无类别导入。请更正该单元格，或在活动文件中添加此类别。</translation>
    </message>
    <message>
      <source>Hidden sheet “%1” has %2 rows that were not read: only the first visible sheet is. Move its rows there.</source>
      <translation>隐藏的工作表“%1”有 %2 行未被读取：只读取第一个可见的工作表。请把这些行移到那里。</translation>
    </message>
    <message>
      <source>Sheet “%1” has %2 rows that were not read: only the first visible sheet is. Move its rows there.</source>
      <translation>工作表“%1”有 %2 行未被读取：只读取第一个可见的工作表。请把这些行移到那里。</translation>
    </message>
    <message>
      <source>The name cell is empty: fill it in.</source>
      <translation>姓名为空：请填写。</translation>
    </message>
    <message>
      <source>The badge code cell is empty: fill it in.</source>
      <translation>签到码为空：请填写。</translation>
    </message>
    <message>
      <source>Line %1 already has this badge code: give each person their own code.</source>
      <translation>第 %1 行已使用此签到码：每人须有自己的签到码。</translation>
    </message>
    <message>
      <source>Line %1 already has this id: give each person their own id.</source>
      <translation>第 %1 行已使用此编号：每人须有自己的编号。</translation>
    </message>
    <message>
      <source>“%1” is not a forum of this event: use a forum id or name from the event file.</source>
      <translation>“%1”不是本次活动的论坛：请使用活动文件中的论坛编号或名称。</translation>
    </message>
    <message>
      <source>“%1” is not a status: write active or cancelled (正常 or 已取消).</source>
      <translation>“%1”不是有效状态：请填写“正常”或“已取消”（active 或 cancelled）。</translation>
    </message>
    <message>
      <source>The roster already gives this code to %1: correct the code, or the id if this is the same person.</source>
      <translation>名单中此签到码已属于 %1：请更正签到码；若是同一人，请更正编号。</translation>
    </message>
    <message>
      <source>The %1 was stored as a number and lost its last digits (%2): format the column as text and type it again.</source>
      <translation>%1 被存为数字，末尾几位已丢失（%2）：请把该列设为文本格式后重新输入。</translation>
    </message>
    <message>
      <source>The %1 cell holds a date (%2): format the column as text and type it again.</source>
      <translation>%1 单元格中是日期（%2）：请把该列设为文本格式后重新输入。</translation>
    </message>
    <message>
      <source>Phone %1 was typed as a number, so a leading zero may be lost: format the column as text.</source>
      <translation>手机号 %1 被存为数字，开头的 0 可能已丢失：请把该列设为文本格式。</translation>
    </message>
    <message>
      <source>The %1 cell holds a date, imported as %2: check the cell.</source>
      <translation>%1 单元格中是日期，已按 %2 导入：请核对该单元格。</translation>
    </message>
    <message>
      <source>The %1 was taken from the merged cell %2: check that it belongs to this row.</source>
      <translation>%1 取自合并单元格 %2：请核对它是否属于这一行。</translation>
    </message>
  </context>
  <context>
    <name>KioskCalls</name>
    <message>
      <source>Kiosk %1</source>
      <translation>%1 号自助机</translation>
    </message>
    <message>
      <source>Desk %1</source>
      <translation>%1 号服务台</translation>
    </message>
    <message>
      <source>A guest at %1 asks for help (%2)</source>
      <translation>%1有来宾请求帮助（%2）</translation>
    </message>
    <message>
      <source>Wrong phone digits at %1 (%2, %3 tries): the guest may need help</source>
      <translation>%1手机尾号输错（%2，%3 次）：来宾可能需要帮助</translation>
    </message>
    <message>
      <source>On my way</source>
      <translation>我这就去</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>REHEARSAL MODE — check-ins are not counted</source>
      <translation>演练模式：签到不计入统计</translation>
    </message>
    <message>
      <source>Check the clock: this computer says %1, outside the event's dates (%2). Every badge would be refused.</source>
      <translation>请检查时钟：本机时间为 %1，不在活动日期（%2）内，所有胸卡都会被拒绝。</translation>
    </message>
    <message>
      <source>Forum check-in</source>
      <translation>论坛签到</translation>
    </message>
  </context>
  <context>
    <name>Outcome</name>
    <message>
      <source>Please see the staff at the help desk</source>
      <translation>请到服务台找工作人员</translation>
    </message>
    <message>
      <source>They will look at your registration with you.</source>
      <translation>工作人员会和您一起核对报名信息。</translation>
    </message>
    <message>
      <source>This badge was checked in %1 at %2. Lost your pass? Please go to the help desk.</source>
      <translation>此胸卡已于%1在%2签到。遗失通行证？请到服务台。</translation>
    </message>
    <message>
      <source>Your pass is being printed again</source>
      <translation>正在为您重新打印通行证</translation>
    </message>
    <message>
      <source>You are checked in. If no pass comes out, please go to the help desk.</source>
      <translation>您已签到。如果没有出证，请到服务台。</translation>
    </message>
    <message>
      <source>A volunteer will find your registration and print your pass.</source>
      <translation>志愿者会为您查找报名信息并打印通行证。</translation>
    </message>
    <message>
      <source>Welcome, %1</source>
      <translation>欢迎，%1</translation>
    </message>
    <message>
      <source>Already checked in</source>
      <translation>已签到过</translation>
    </message>
    <message>
      <source>Badge not recognised</source>
      <translation>无法识别此胸卡</translation>
    </message>
    <message>
      <source>This badge is no longer valid</source>
      <translation>此胸卡已失效</translation>
    </message>
    <message>
      <source>Not registered for this forum</source>
      <translation>您未报名本论坛</translation>
    </message>
    <message>
      <source>Check-in has not opened yet</source>
      <translation>签到尚未开始</translation>
    </message>
    <message>
      <source>Check-in has closed</source>
      <translation>签到已结束</translation>
    </message>
    <message>
      <source>The room is full</source>
      <translation>会场已满</translation>
    </message>
    <message>
      <source>Invalid badge</source>
      <translation>无效胸卡</translation>
    </message>
    <message>
      <source>This badge is for another event</source>
      <translation>此胸卡属于其他活动</translation>
    </message>
    <message>
      <source>Your forums:</source>
      <translation>您的论坛：</translation>
    </message>
    <message>
      <source>This badge was checked in on %1 at %2. Lost your pass? Please go to the help desk.</source>
      <translation>此胸卡已于 %1 在 %2 签到。遗失通行证？请到服务台。</translation>
    </message>
    <message>
      <source>We could not find this code. Please go to the help desk.</source>
      <translation>找不到此二维码，请到服务台。</translation>
    </message>
    <message>
      <source>A new badge was issued to replace it. Please go to the help desk.</source>
      <translation>已补发新胸卡替换此卡，请到服务台。</translation>
    </message>
    <message>
      <source>Your badge does not include this forum. Please ask a volunteer.</source>
      <translation>您的胸卡不含本论坛，请咨询志愿者。</translation>
    </message>
    <message>
      <source>Please come back a little later.</source>
      <translation>请稍后再来。</translation>
    </message>
    <message>
      <source>Please go to the help desk.</source>
      <translation>请到服务台。</translation>
    </message>
    <message>
      <source>Please wait for a volunteer.</source>
      <translation>请稍候，志愿者会为您安排。</translation>
    </message>
    <message>
      <source>This code could not be verified. Please go to the help desk.</source>
      <translation>此二维码无法验证，请到服务台。</translation>
    </message>
    <message>
      <source>Welcome back, %1</source>
      <translation>欢迎回来，%1</translation>
    </message>
    <message>
      <source>Re-entry</source>
      <translation>再次入场</translation>
    </message>
    <message>
      <source>Your registration was cancelled. Please go to the help desk.</source>
      <translation>您的报名已取消，请到服务台。</translation>
    </message>
  </context>
  <context>
    <name>PinDialog</name>
    <message>
      <source>Admin PIN</source>
      <translation>管理员 PIN</translation>
    </message>
    <message>
      <source>Enter the admin PIN</source>
      <translation>请输入管理员 PIN</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Too many wrong PINs. PIN entry is locked for %1 min, until %2.</source>
      <translation>错误次数过多，PIN 输入已锁定 %1 分钟，至 %2。</translation>
    </message>
    <message>
      <source>Wrong PIN. Tries left: %1</source>
      <translation>PIN 错误，剩余次数：%1</translation>
    </message>
  </context>
  <context>
    <name>SelfService</name>
    <message>
      <source>Please show your QR code to the camera</source>
      <translation>请向摄像头出示您的二维码</translation>
    </message>
    <message>
      <source>No QR code? Find your name</source>
      <translation>没有二维码？查找您的姓名</translation>
    </message>
    <message>
      <source>No event loaded</source>
      <translation>尚未导入活动</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>帮助</translation>
    </message>
    <message>
      <source>Larger text</source>
      <translation>大字</translation>
    </message>
    <message>
      <source>High contrast</source>
      <translation>高对比度</translation>
    </message>
    <message>
      <source>Your pass will be printed at the help desk</source>
      <translation>您的通行证将在服务台打印</translation>
    </message>
    <message>
      <source>Please take your pass below ↓</source>
      <translation>请在下方取走您的通行证 ↓</translation>
    </message>
    <message>
      <source>A badge was just scanned: tap here to show its result</source>
      <translation>刚扫描了一张胸卡：点此查看结果</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>好的</translation>
    </message>
    <message>
      <source>A volunteer has been called to this kiosk (%1). Please wait here.</source>
      <translation>已通知志愿者到本机（%1），请在此稍候。</translation>
    </message>
    <message>
      <source>Type your surname and given name in pinyin or English</source>
      <translation>请输入您的姓和名（拼音或英文）</translation>
    </message>
    <message>
      <source>e.g. zhangwei, Smith John</source>
      <translation>例如 zhangwei、Smith John</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>No one found. Check the spelling, or go to the help desk.</source>
      <translation>未找到，请检查拼写或到服务台。</translation>
    </message>
    <message>
      <source>Keep typing: your full surname and the first letter of your given name</source>
      <translation>请继续输入：完整的姓，加名字的首字母</translation>
    </message>
    <message>
      <source>%1 found: tap your name</source>
      <translation>找到 %1 位：请点选您的姓名</translation>
    </message>
    <message>
      <source>%1 found: type more of your name to narrow</source>
      <translation>找到 %1 位：请再多输入几个字母</translation>
    </message>
    <message>
      <source>To confirm it is you, enter the last 4 digits of your mobile phone number</source>
      <translation>为确认身份，请输入您手机号码的后 4 位</translation>
    </message>
    <message>
      <source>Not me — back</source>
      <translation>不是我，返回</translation>
    </message>
    <message>
      <source>Those digits do not match. Tries left: %1</source>
      <translation>号码不符。剩余次数：%1</translation>
    </message>
  </context>
  <context>
    <name>StartupProgress</name>
    <message>
      <source>Preparing the demo</source>
      <translation>正在准备演示</translation>
    </message>
    <message>
      <source>Making the demo roster…</source>
      <translation>正在生成演示名单…</translation>
    </message>
    <message>
      <source>Recording the demo badge video…</source>
      <translation>正在录制演示胸卡视频…</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>正在启动…</translation>
    </message>
  </context>
  <context>
    <name>SyncDot</name>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>%1 s ago</source>
      <translation>%1 秒前</translation>
    </message>
    <message>
      <source>Hub: connected</source>
      <translation>中心服务器：已连接</translation>
    </message>
    <message>
      <source>Hub: catching up</source>
      <translation>中心服务器：正在同步</translation>
    </message>
    <message>
      <source>Hub: out of reach — this desk decides on its own</source>
      <translation>中心服务器：无法连接，本台独立判定</translation>
    </message>
    <message>
      <source>%1 · last sync %2 · %3 check-ins waiting</source>
      <translation>%1 · 上次同步 %2 · %3 条签到待上传</translation>
    </message>
  </context>
</TS>