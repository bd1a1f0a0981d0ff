<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../console/app.py" line="89" />
        <source>This show database was written by a newer LiveDesk and is left untouched:
{0}
Please update LiveDesk.</source>
        <translation>此场次数据库由更新版本的 LiveDesk 写入，已原样保留、未作改动：
{0}
请升级 LiveDesk。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="138" />
        <source>No system keyring here: the password is kept until LiveDesk closes.</source>
        <translation>本机没有系统密钥环：密码只保留到 LiveDesk 关闭为止。</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <location filename="../../console/ui/audio_panel.py" line="47" />
        <source>MUTED</source>
        <translation>已静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/audio_panel.py" line="47" />
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/audio_panel.py" line="70" />
        <source>No audio inputs in OBS.</source>
        <translation>OBS 中没有音频输入。</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="30" />
        <source>Connect to OBS</source>
        <translation>连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="38" />
        <source>Remember the password (system keyring)</source>
        <translation>记住密码（系统密钥环）</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="42" />
        <source>In OBS open Tools → WebSocket Server Settings, tick Enable WebSocket server, and copy the port and password from Show Connect Info.</source>
        <translation>在 OBS 中打开「工具 → WebSocket 服务器设置」，勾选「开启 WebSocket 服务器」，再从「显示连接信息」中复制端口和密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="51" />
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="52" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="53" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="57" />
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <location filename="../../console/ui/connection_bar.py" line="33" />
        <source>OBS connection…</source>
        <translation>OBS 连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection_bar.py" line="53" />
        <source>OBS {0}</source>
        <translation>OBS {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection_bar.py" line="58" />
        <source>MIC MUTED: {0}</source>
        <translation>麦克风已静音：{0}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="14" />
        <source>LiveDesk: unexpected error</source>
        <translation>LiveDesk：意外错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="24" />
        <source>Something went wrong inside LiveDesk. The show goes on: OBS keeps running and this window can be closed.</source>
        <translation>LiveDesk 内部出现了问题。直播不受影响：OBS 仍在运行，可以关闭此窗口。</translation>
    </message>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="29" />
        <source>{0}

Details are in the log file:
{1}</source>
        <translation>{0}

详细信息见日志文件：
{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="33" />
        <source>{0} errors since the last time this was closed.</source>
        <translation>自上次关闭此窗口以来共 {0} 个错误。</translation>
    </message>
</context>
<context>
    <name>HealthStrip</name>
    <message>
        <location filename="../../console/ui/health_strip.py" line="32" />
        <source>FPS {0}</source>
        <translation>帧率 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="33" />
        <source>CPU {0}%</source>
        <translation>CPU {0}%</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="34" />
        <source>Render skipped {0}</source>
        <translation>渲染跳帧 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="35" />
        <source>Encoder skipped {0}</source>
        <translation>编码跳帧 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="36" />
        <source>Dropped {0}%</source>
        <translation>丢帧 {0}%</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="37" />
        <source>{0} kb/s</source>
        <translation>{0} kb/s</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="38" />
        <source>Disk {0} GB free</source>
        <translation>磁盘剩余 {0} GB</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../console/ui/level_meter.py" line="58" />
        <source>MUTED</source>
        <translation>已静音</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="27" />
        <source>LiveDesk — live room console</source>
        <translation>LiveDesk 直播中控台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="38" />
        <source>Audio mixer</source>
        <translation>音频混音器</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="39" />
        <source>Stream and recording</source>
        <translation>直播与录制</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="45" />
        <source>OBS connection…</source>
        <translation>OBS 连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="46" />
        <source>&amp;OBS</source>
        <translation>&amp;OBS</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../console/ui/messages.py" line="12" />
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="13" />
        <source>Connecting to OBS…</source>
        <translation>正在连接 OBS…</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="14" />
        <source>Connected to OBS</source>
        <translation>已连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="15" />
        <source>Reconnecting to OBS…</source>
        <translation>正在重新连接 OBS…</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="16" />
        <source>Cannot connect to OBS</source>
        <translation>无法连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="23" />
        <source>OBS is not running at {address}, or its WebSocket server is off (OBS: Tools → WebSocket Server Settings).</source>
        <translation>{address} 上没有运行 OBS，或其 WebSocket 服务器未开启（OBS：工具 → WebSocket 服务器设置）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="28" />
        <source>No answer from {address}. Check the address and that OBS is running.</source>
        <translation>{address} 没有响应。请检查地址，并确认 OBS 正在运行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="31" />
        <source>The computer at {address} cannot be reached. Check the network.</source>
        <translation>无法访问 {address} 所在的电脑。请检查网络。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="34" />
        <source>The address {address} does not exist. Check the host name.</source>
        <translation>地址 {address} 不存在。请检查主机名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="37" />
        <source>Network error talking to {address}.</source>
        <translation>与 {address} 通信时发生网络错误。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="38" />
        <source>Something answers at {address}, but it is not OBS's WebSocket server (or OBS is still starting).</source>
        <translation>{address} 有程序响应，但不是 OBS 的 WebSocket 服务器（或 OBS 仍在启动中）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="43" />
        <source>The service at {address} is not OBS's WebSocket server.</source>
        <translation>{address} 上的服务不是 OBS 的 WebSocket 服务器。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="44" />
        <source>OBS closed the connection.</source>
        <translation>OBS 关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="45" />
        <source>OBS answered in a way LiveDesk does not understand.</source>
        <translation>OBS 的应答 LiveDesk 无法识别。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="46" />
        <source>Wrong OBS password. Copy it from OBS: Tools → WebSocket Server Settings → Show Connect Info.</source>
        <translation>OBS 密码错误。请从 OBS 复制：工具 → WebSocket 服务器设置 → 显示连接信息。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="51" />
        <source>OBS asks for a password. Enter the one shown in OBS: Tools → WebSocket Server Settings.</source>
        <translation>OBS 需要密码。请输入 OBS 中显示的密码：工具 → WebSocket 服务器设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="56" />
        <source>This OBS is too old. LiveDesk needs OBS 28 or newer (WebSocket protocol 5).</source>
        <translation>此 OBS 版本过旧。LiveDesk 需要 OBS 28 或更新版本（WebSocket 协议 5）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="60" />
        <source>The connection to OBS was lost.</source>
        <translation>与 OBS 的连接已断开。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="61" />
        <source>OBS stopped answering.</source>
        <translation>OBS 停止响应。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="62" />
        <source>Connecting to the new address…</source>
        <translation>正在连接新地址…</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="63" />
        <source>LiveDesk hit an internal error talking to OBS (see the log); retrying.</source>
        <translation>LiveDesk 与 OBS 通信时发生内部错误（详见日志），正在重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="74" />
        <source>Not done: OBS is not connected.</source>
        <translation>未执行：OBS 未连接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="76" />
        <source>Not done: OBS was busy and the command came too late.</source>
        <translation>未执行：OBS 繁忙，指令已过时。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="78" />
        <source>Not done: LiveDesk hit an internal error (see the log).</source>
        <translation>未执行：LiveDesk 发生内部错误（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="80" />
        <source>OBS did not answer within 3 seconds ({request}).</source>
        <translation>OBS 在 3 秒内没有响应（{request}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="84" />
        <source>Not done: the connection to OBS was lost ({request}).</source>
        <translation>未执行：与 OBS 的连接已断开（{request}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="88" />
        <source>Not done: {what} is already running.</source>
        <translation>未执行：{what}已经在进行中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="92" />
        <source>Not done: {what} is not running.</source>
        <translation>未执行：{what}没有在进行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="106" />
        <source>the live stream</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="108" />
        <source>the recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="96" />
        <source>OBS does not have that item any more: {comment}</source>
        <translation>OBS 中已没有该项目：{comment}</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="99" />
        <source>OBS refused {request}: {comment} (code {code})</source>
        <translation>OBS 拒绝了 {request}：{comment}（代码 {code}）</translation>
    </message>
</context>
<context>
    <name>OutputsPanel</name>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="56" />
        <source>● LIVE — Stop</source>
        <translation>● 直播中 — 停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="56" />
        <source>Go Live</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="57" />
        <source>● REC — Stop</source>
        <translation>● 录制中 — 停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="57" />
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="59" />
        <source>Stream: unknown</source>
        <translation>直播：状态未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="60" />
        <source>Recording: unknown</source>
        <translation>录制：状态未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="85" />
        <source>Stop the live stream? Viewers will see the room end.</source>
        <translation>停止直播？观众将看到直播间结束。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="90" />
        <source>Go live now? The stream starts with the current scene.</source>
        <translation>现在开播？直播将从当前场景开始。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="96" />
        <source>Stop recording?</source>
        <translation>停止录制？</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="104" />
        <source>LiveDesk</source>
        <translation>LiveDesk</translation>
    </message>
</context>
<context>
    <name>ScenesPanel</name>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="31" />
        <source>Studio mode</source>
        <translation>工作室模式</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="33" />
        <source>Take</source>
        <translation>切换 (Take)</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="36" />
        <source>Send the preview scene to program (or press its button again)</source>
        <translation>将预览场景切到节目（或再次点击该场景按钮）</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="54" />
        <source>Transition</source>
        <translation>转场</translation>
    </message>
</context>
</TS>