<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="49"/>
        <location filename="../../console/ui/about_dialog.py" line="99"/>
        <source>About LiveDesk</source>
        <translation>关于 LiveDesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="52"/>
        <location filename="../../console/ui/about_dialog.py" line="120"/>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="114"/>
        <source>Bundled components</source>
        <translation>随附组件</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="123"/>
        <location filename="../../console/ui/about_dialog.py" line="222"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="126"/>
        <source>Copy the versions and licences, for a support request</source>
        <translation>复制版本和许可证信息，用于联系技术支持</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="136"/>
        <source>in {0}</source>
        <translation>包含在 {0} 中</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="144"/>
        <location filename="../../console/ui/about_dialog.py" line="161"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="145"/>
        <location filename="../../console/ui/about_dialog.py" line="161"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="150"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="153"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="154"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="155"/>
        <source>Qt libraries</source>
        <translation>Qt 库</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="161"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="161"/>
        <source>Home page</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="172"/>
        <source>Double-click a row to open its home page</source>
        <translation>双击一行即可打开其主页</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="187"/>
        <source>LiveDesk is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>LiveDesk 是自由软件：您可以依据 GNU 通用公共许可证第 3 版或（由您选择）任何更新版本的条款再分发和/或修改它。本软件不提供任何担保。</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="191"/>
        <source>The licence text</source>
        <translation>许可证全文</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="196"/>
        <source>Qt and Qt for Python (PySide6) are used under the GNU LGPL version 3. Their libraries are dynamically linked and sit in the program folder (see Qt libraries above): you may replace them with your own build of the same version. Source code: {0}, {1}. Licensing: {2}; Qt&apos;s own third-party components: {3}.</source>
        <translation>Qt 和 Qt for Python（PySide6）依据 GNU LGPL 第 3 版使用。它们的库以动态链接方式放在程序文件夹中（见上方“Qt 库”）：您可以用自己构建的同一版本替换它们。源代码：{0}、{1}。许可说明：{2}；Qt 自身使用的第三方组件：{3}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="206"/>
        <source>Qt LGPL obligations</source>
        <translation>Qt 的 LGPL 义务</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="207"/>
        <source>licences used in Qt</source>
        <translation>Qt 使用的许可证</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="214"/>
        <source>Bundled components:</source>
        <translation>随附组件：</translation>
    </message>
    <message>
        <location filename="../../console/ui/about_dialog.py" line="221"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>AddProductsDialog</name>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="119"/>
        <source>Add products to the queue</source>
        <translation>添加商品到队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="122"/>
        <source>Link</source>
        <translation>链接号</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="123"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="124"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="125"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="126"/>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="127"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="128"/>
        <source>In queue</source>
        <translation>已在队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="135"/>
        <source>Filter by name, SKU, category or link number (↓ to the list)</source>
        <translation>按名称、商品编码、类目或链接号筛选（按 ↓ 进入列表）</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="147"/>
        <source>Add to queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="175"/>
        <source>No show is open. Open one in Show → Shows…</source>
        <translation>没有打开的场次。请在“场次 → 场次管理…”中打开一个。</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="178"/>
        <source>Select the products to add first.</source>
        <translation>请先选择要添加的商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="191"/>
        <source>… and {0} more</source>
        <translation>……另有 {0} 个</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="193"/>
        <source>Already in the queue</source>
        <translation>已在队列中</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="196"/>
        <source>{0} of the {1} selected products are already in the queue.</source>
        <translation>所选的 {1} 个商品中，有 {0} 个已在队列中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="201"/>
        <source>Add them again</source>
        <translation>再次添加</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="202"/>
        <source>Skip them</source>
        <translation>跳过它们</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="214"/>
        <source>Nothing added: they are all in the queue already.</source>
        <translation>未添加：所选商品都已在队列中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="246"/>
        <source>Could not add to the queue (see the log).</source>
        <translation>无法加入队列（详见日志）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/add_products_dialog.py" line="270"/>
        <source>{0} of %n product(s) shown, {1} selected</source>
        <translation>
            <numerusform>显示 {0} / %n 个商品，已选 {1} 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="235"/>
        <source>Products added to the queue: {0}. Skipped, already in the queue: {1}.</source>
        <translation>已加入队列：{0} 个商品；已跳过（已在队列中）：{1} 个。</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="238"/>
        <source>Products added to the queue: {0}.</source>
        <translation>已加入队列：{0} 个商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="252"/>
        <source>Could not read the catalog (see the log).</source>
        <translation>无法读取商品库（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/add_products_dialog.py" line="256"/>
        <source>The catalog is empty: import products first (Catalog menu).</source>
        <translation>商品库为空：请先导入商品（“商品库”菜单）。</translation>
    </message>
</context>
<context>
    <name>AlertRulesPage</name>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="34"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="35"/>
        <source>Also on the host view</source>
        <translation>同时显示在主播屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="36"/>
        <source>Raised when</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="40"/>
        <source>Also show it as a cue on the host view</source>
        <translation>同时作为提示显示在主播屏上</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="62"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="66"/>
        <source>An alert is raised once when its cause starts and cleared when it is over; one that comes back within {seconds} s waits until then.</source>
        <translation>告警在问题出现时触发一次，问题消失后自动解除；解除后 {seconds} 秒内再次出现的，要等到这段时间过后才会再次触发。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="119"/>
        <source>its own mark only</source>
        <translation>仅按商品自身预警线</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="124"/>
        <source> left</source>
        <translation> 件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="126"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="127"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="130"/>
        <source> viewers</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="135"/>
        <source>stock at its mark, or at most</source>
        <translation>库存到达商品预警线，或不超过</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="136"/>
        <source>down more than</source>
        <translation>降幅超过</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="137"/>
        <source>within</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="138"/>
        <source>from at least</source>
        <translation>起始人数不少于</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="139"/>
        <source>muted or silent for</source>
        <translation>静音或无声持续</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="140"/>
        <source>silent: below</source>
        <translation>无声判定：低于</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="141"/>
        <source>more than</source>
        <translation>超过</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="142"/>
        <source>over</source>
        <translation>统计时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="143"/>
        <source>free space under</source>
        <translation>剩余空间低于</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="144"/>
        <source>ends in</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_rules_page.py" line="145"/>
        <source>no sample or order for</source>
        <translation>无数据且无订单持续</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../console/reports/report_text.py" line="64"/>
        <source>Low stock on the 讲解 product</source>
        <translation>讲解商品库存告急</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="65"/>
        <source>Viewers dropping</source>
        <translation>在线人数下滑</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="66"/>
        <source>Mic muted or silent while live</source>
        <translation>直播中麦克风静音或无声</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="67"/>
        <source>Dropped frames while live</source>
        <translation>直播中掉帧</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="68"/>
        <source>Disk space low</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="69"/>
        <source>Flash sale, coupon or 福袋 ending</source>
        <translation>秒杀、优惠券或福袋即将结束</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="70"/>
        <source>No stats coming in</source>
        <translation>没有收到数据</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="106"/>
        <source>讲解 product {name} is sold out</source>
        <translation>讲解商品 {name} 已售罄</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="107"/>
        <source>Stock low on 讲解 product {name}: {left} left</source>
        <translation>讲解商品 {name} 库存告急：仅剩 {left} 件</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="111"/>
        <source>Viewers down {pct} % in {minutes} min ({before} → {now})</source>
        <translation>在线人数 {minutes} 分钟内下降 {pct} %（{before} → {now}）</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="121"/>
        <source>Mic “{input}” muted for {seconds} s while live</source>
        <translation>直播中麦克风“{input}”已静音 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="123"/>
        <source>Mic “{input}” silent for {seconds} s while live</source>
        <translation>直播中麦克风“{input}”已 {seconds} 秒没有声音</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="126"/>
        <source>Dropped frames: {pct} % over the last {seconds} s</source>
        <translation>掉帧：最近 {seconds} 秒内 {pct} %</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="130"/>
        <source>Disk almost full: {free} GB free (alert under {min} GB)</source>
        <translation>磁盘快满了：剩余 {free} GB（低于 {min} GB 告警）</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="134"/>
        <source>No stats for {minutes} min</source>
        <translation>已 {minutes} 分钟没有数据</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="138"/>
        <source>福袋 ends in {seconds} s</source>
        <translation>福袋 {seconds} 秒后结束</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="140"/>
        <source>Coupon ends in {seconds} s</source>
        <translation>优惠券 {seconds} 秒后结束</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="142"/>
        <source>Flash sale on {name} ends in {seconds} s</source>
        <translation>{name} 秒杀 {seconds} 秒后结束</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="145"/>
        <source>Flash sale ends in {seconds} s</source>
        <translation>秒杀 {seconds} 秒后结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="30"/>
        <source>Mark it sold out and move on to the next product.</source>
        <translation>标记售罄，切换到下一个商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="31"/>
        <source>Restock it on the platform, or get ready for the next product.</source>
        <translation>在平台上补库存，或准备讲解下一个商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="33"/>
        <source>Win them back: talk up a perk, start a 福袋 or a flash sale.</source>
        <translation>拉回人气：讲福利、发福袋或上秒杀。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="36"/>
        <source>Unmute it now (audio panel), unless that is on purpose.</source>
        <translation>如非有意静音，请立即取消静音（音频面板）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="37"/>
        <source>Check the mic, its cable, its battery and its fader.</source>
        <translation>检查麦克风、线缆、电池和推子。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="39"/>
        <source>The network or the encoder cannot keep up: check the connection.</source>
        <translation>网络或编码器跟不上：请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="43"/>
        <source>Free space on the recording drive before the recording stops.</source>
        <translation>请在录制中断前清理录制盘空间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="49"/>
        <source>Check the stats feed (API, simulator, import) or type the numbers in.</source>
        <translation>检查数据来源（API、模拟器、导入），或手动录入数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="22"/>
        <source>Alert: {rule}</source>
        <translation>告警：{rule}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="46"/>
        <source>Remind viewers to join before it closes.</source>
        <translation>提醒观众在结束前参与。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alert_messages.py" line="47"/>
        <source>Push for the last orders now.</source>
        <translation>抓紧逼单，促成最后一波成交。</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="59"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="61"/>
        <source>Hide this alert until its cause is over; it is not raised again before.</source>
        <translation>隐藏此告警，问题解除前不再提醒。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="90"/>
        <source>No alerts now.</source>
        <translation>当前没有告警。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="96"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="96"/>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="96"/>
        <source>Cleared</source>
        <translation>解除时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="103"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="115"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="116"/>
        <source>Alerts ({count})</source>
        <translation>告警（{count}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="147"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts_panel.py" line="147"/>
        <source>active</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>ApiPage</name>
    <message>
        <location filename="../../console/ui/api_page.py" line="69"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="72"/>
        <location filename="../../console/ui/api_page.py" line="80"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="77"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="78"/>
        <location filename="../../console/ui/api_page.py" line="226"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="82"/>
        <source>Regenerate…</source>
        <translation>重新生成…</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="89"/>
        <source>The token comes from the environment variable {0}, so it cannot be regenerated here: change it where that variable is set.</source>
        <translation>令牌来自环境变量 {0}，无法在此重新生成：请在设置该变量的地方修改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="97"/>
        <source>Listen on the local network (LAN)</source>
        <translation>在局域网中监听（LAN）</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="104"/>
        <source>OK or Apply restarts the API with a new port or network setting at once.</source>
        <translation>更改端口或网络设置后，按“确定”或“应用”会立即重启 API。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="109"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="110"/>
        <source>Post numbers to</source>
        <translation>数据推送地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="112"/>
        <source>Read them from</source>
        <translation>数据读取地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="114"/>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="118"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="153"/>
        <source>Restarting the API…</source>
        <translation>正在重启 API…</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="171"/>
        <source>The settings could not be saved: {0}</source>
        <translation>设置保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="180"/>
        <source>The API listens on the new address now.</source>
        <translation>API 已在新地址上监听。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="188"/>
        <source>The API could not be restarted: {0}</source>
        <translation>API 重启失败：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="198"/>
        <source>Listen on the local network?</source>
        <translation>在局域网中监听？</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="199"/>
        <source>Let other computers on this network post numbers to LiveDesk?</source>
        <translation>允许同一网络中的其他电脑向 LiveDesk 推送数据？</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="218"/>
        <source>Anyone on the network who has the token can then post numbers to this show and read them. Turn it on only on a trusted network (not a venue&apos;s or a café&apos;s Wi-Fi).</source>
        <translation>之后，网络中任何持有令牌的人都能向本场次推送数据并读取数据。请只在可信网络中开启（不要在场地或咖啡馆的 Wi-Fi 上开启）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="226"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="231"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="236"/>
        <source>Regenerate the token?</source>
        <translation>重新生成令牌？</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="237"/>
        <source>Make a new token for the stats API?</source>
        <translation>为数据 API 生成新令牌？</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="243"/>
        <source>Tools that use the old token stop working at once: give them the new one. The API takes the new token without a restart.</source>
        <translation>使用旧令牌的工具会立即失效，请为它们换上新令牌。API 无需重启即可使用新令牌。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="247"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="256"/>
        <source>Making a new token…</source>
        <translation>正在生成新令牌…</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="268"/>
        <source>A new token is in use: tools with the old one get refused.</source>
        <translation>新令牌已生效：使用旧令牌的工具将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="273"/>
        <source>No new token was made: {0}</source>
        <translation>未能生成新令牌：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="292"/>
        <source>{0} (GET, with the token; for an OBS browser source)</source>
        <translation>{0}（GET，需带令牌；可用于 OBS 浏览器源）</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="299"/>
        <source>From other computers: {0}</source>
        <translation>其他电脑访问：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="299"/>
        <source>no network address</source>
        <translation>无网络地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="308"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="312"/>
        <source>Listening on port {0} on every network interface (LAN).</source>
        <translation>正在所有网络接口的 {0} 端口上监听（局域网）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="314"/>
        <source>Listening on 127.0.0.1:{0} (this computer only).</source>
        <translation>正在 127.0.0.1:{0} 上监听（仅限本机）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="317"/>
        <source>Not listening: {0}</source>
        <translation>未在监听：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="318"/>
        <source>Not listening.</source>
        <translation>未在监听。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="323"/>
        <source>port {0} is in use by another program.</source>
        <translation>端口 {0} 已被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="325"/>
        <source>the system does not let LiveDesk use port {0} (reserved, or below 1024).</source>
        <translation>系统不允许 LiveDesk 使用端口 {0}（端口被保留，或小于 1024）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="327"/>
        <source>this computer has no such network address.</source>
        <translation>本机没有这个网络地址。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="328"/>
        <source>the token could not be read ({0}).</source>
        <translation>无法读取令牌（{0}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="329"/>
        <source>the system refused ({0}).</source>
        <translation>系统拒绝了请求（{0}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/api_page.py" line="331"/>
        <source>The change was not made: {0} The API stays on port {1}.</source>
        <translation>更改未生效：{0}API 仍在端口 {1} 上运行。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../console/app.py" line="125"/>
        <source>This show database was written by a newer LiveDesk and is left untouched:
{0}
Please update LiveDesk.</source>
        <translation>此场次数据库由更新版本的 LiveDesk 写入，已原样保留、未作改动：
{0}
请升级 LiveDesk。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="135"/>
        <source>The show database is damaged and is left untouched:
{0}

{1}

Restore a backup, or move the file away to start with an empty database.</source>
        <translation>场次数据库已损坏，已原样保留、未作改动：
{0}

{1}

请从备份恢复，或将该文件移走，以一个空数据库重新开始。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="171"/>
        <source>Demo show</source>
        <translation>演示场次</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="176"/>
        <source>Live show {0}</source>
        <translation>直播 {0}</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="196"/>
        <source>No system keyring here: the password is kept until LiveDesk closes.</source>
        <translation>本机没有系统密钥环：密码只保留到 LiveDesk 关闭为止。</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <location filename="../../console/ui/audio_panel.py" line="48"/>
        <source>MUTED</source>
        <translation>已静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/audio_panel.py" line="48"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/audio_panel.py" line="73"/>
        <source>No audio inputs in OBS.</source>
        <translation>OBS 中没有音频输入。</translation>
    </message>
</context>
<context>
    <name>CatalogActions</name>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="47"/>
        <source>Import catalog…</source>
        <translation>导入商品…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="48"/>
        <source>Export catalog…</source>
        <translation>导出商品库…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="49"/>
        <source>Export show queue…</source>
        <translation>导出场次商品队列…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="74"/>
        <source>Exported {count} products to {file}.</source>
        <translation>已导出 {count} 个商品到 {file}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="75"/>
        <source>Exporting the catalog…</source>
        <translation>正在导出商品库…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="80"/>
        <source>No show is open, so there is no queue to export.</source>
        <translation>当前没有打开的场次，没有可导出的商品队列。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="83"/>
        <source>Queue</source>
        <translation>商品队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="92"/>
        <source>Exported the show queue ({count} products) to {file}.</source>
        <translation>已导出场次商品队列（{count} 个商品）到 {file}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="93"/>
        <source>Exporting the show queue…</source>
        <translation>正在导出场次商品队列…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="96"/>
        <source>Export catalog</source>
        <translation>导出商品库</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="105"/>
        <source>Export show queue</source>
        <translation>导出场次商品队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="110"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="110"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="136"/>
        <source>Cannot export to {file}: {reason}</source>
        <translation>无法导出到 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_menu.py" line="140"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>CatalogCli</name>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="42"/>
        <source>Interrupted: nothing was changed.</source>
        <translation>已中断：未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="64"/>
        <source>Import or export the product catalog.</source>
        <translation>导入或导出商品库。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="68"/>
        <source>add products from a .csv or .xlsx file</source>
        <translation>从 .csv 或 .xlsx 文件导入商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="71"/>
        <source>the catalog file</source>
        <translation>商品表文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="77"/>
        <source>a SKU already in the catalog: keep it (skip, default) or update it</source>
        <translation>商品库中已有的 SKU：保留原样（skip，默认）或用文件内容更新（update）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="83"/>
        <source>write the catalog to a .csv or .xlsx file</source>
        <translation>把商品库导出为 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="86"/>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="94"/>
        <source>the show database file</source>
        <translation>场次数据库文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="97"/>
        <source>language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="113"/>
        <source>Nothing was imported. Problems found in {file}: {count}. Fix them and import the file again.</source>
        <translation>未导入任何商品。{file} 中发现 {count} 处问题，请修正后重新导入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="127"/>
        <source>The database refused the import ({error}); nothing was imported.</source>
        <translation>数据库拒绝了本次导入（{error}），未导入任何商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="146"/>
        <source>There is no show database at {path}.</source>
        <translation>{path} 处没有场次数据库。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="161"/>
        <source>Products exported to {file}: {count}</source>
        <translation>已导出商品到 {file}：共 {count} 个</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="173"/>
        <source>The show database {path} was written by a newer LiveDesk and is left untouched. Please update LiveDesk.</source>
        <translation>场次数据库 {path} 由更新版本的 LiveDesk 写入，已原样保留、未作改动。请升级 LiveDesk。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="181"/>
        <source>Cannot open the show database {path} ({error}).</source>
        <translation>无法打开场次数据库 {path}（{error}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="189"/>
        <source>Cannot import {file}: {reason}</source>
        <translation>无法导入 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_cli.py" line="195"/>
        <source>Cannot export to {file}: {reason}</source>
        <translation>无法导出到 {file}：{reason}</translation>
    </message>
</context>
<context>
    <name>CatalogImportDialog</name>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="60"/>
        <location filename="../../console/ui/catalog_import_dialog.py" line="130"/>
        <source>Import catalog</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="64"/>
        <source>Choose a .csv or .xlsx file. Headers may be Chinese or English (商品名称 / name, 商品ID / SKU, 直播价 / live price …); columns LiveDesk does not know are kept as extra fields.</source>
        <translation>请选择 .csv 或 .xlsx 文件。表头可以是中文或英文（商品名称 / name、商品ID / SKU、直播价 / live price …）；LiveDesk 不认识的列会作为附加字段保留。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="68"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="76"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="86"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="105"/>
        <source>Rows with problems (line numbers as in the file; the header is line 1)</source>
        <translation>有问题的行（行号与文件一致，表头为第 1 行）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="109"/>
        <source>SKUs that were already in the catalog</source>
        <translation>商品库中已有的商品编码</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="111"/>
        <source>SKUs already in the catalog</source>
        <translation>商品库中已有的商品编码</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="112"/>
        <source>Skip them: the catalog keeps what it has</source>
        <translation>跳过：保留商品库中的现有信息</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="113"/>
        <source>Update them with the values in this file</source>
        <translation>更新：用本文件中的值覆盖</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="131"/>
        <source>Catalog files (*.csv *.xlsx);;All files (*)</source>
        <translation>商品文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="147"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="174"/>
        <source>Checking rows: {0} of {1}</source>
        <translation>正在检查：第 {0} 行，共 {1} 行</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="176"/>
        <source>Reading: {0} rows</source>
        <translation>正在读取：已读 {0} 行</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="183"/>
        <source>Reading cancelled: nothing was imported.</source>
        <translation>已取消读取，未导入任何商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="188"/>
        <source>The file cannot be read ({error}).</source>
        <translation>无法读取该文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="204"/>
        <source>Nothing can be imported while the file has problems (the import is all or nothing): fix the rows listed below in the file, save it and choose it again.</source>
        <translation>文件中有问题时无法导入（导入要么全部成功，要么一条都不写入）：请在文件中修正下面列出的行，保存后重新选择该文件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="211"/>
        <source>Ready to import. Nothing is written until you press Import.</source>
        <translation>可以导入。点击“导入”之前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="232"/>
        <source>{file} · products ready: {products} · rows with problems: {bad} · SKUs already in the catalog: {existing}</source>
        <translation>{file} · 可导入商品：{products} · 有问题的行：{bad} · 商品库中已有的商品编码：{existing}</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="251"/>
        <source>Importing {count} products…</source>
        <translation>正在导入 {count} 个商品…</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="276"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>已取消导入，未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="303"/>
        <source>The database refused the import ({error}); nothing was written.</source>
        <translation>数据库拒绝了本次导入（{error}），未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_import_dialog.py" line="316"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>CatalogMessages</name>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="18"/>
        <source>product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="19"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="20"/>
        <source>list price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="21"/>
        <source>live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="22"/>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="23"/>
        <source>selling points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="24"/>
        <source>link number</source>
        <translation>链接号</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="25"/>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="26"/>
        <source>category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="33"/>
        <source>no product name</source>
        <translation>缺少商品名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="34"/>
        <source>no SKU</source>
        <translation>缺少 SKU</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="35"/>
        <source>{column} is not a price</source>
        <translation>“{column}”不是有效的价格</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="36"/>
        <source>{column} is not a stock count (a whole number, 0 or more)</source>
        <translation>“{column}”不是有效的库存数（应为 0 或正整数）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="39"/>
        <source>this SKU is already used on line {other_line}</source>
        <translation>该 SKU 与第 {other_line} 行重复</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="42"/>
        <source>more cells than columns (a comma inside an unquoted value?)</source>
        <translation>单元格比表头的列多（是否有未加引号的值里含有英文逗号？）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="45"/>
        <source>no product name column (such as 商品名称 or name)</source>
        <translation>缺少商品名称列（如“商品名称”或 name）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="48"/>
        <source>no SKU column (such as 商品ID, 商品编码 or SKU)</source>
        <translation>缺少 SKU 列（如“商品ID”“商品编码”或 SKU）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="51"/>
        <source>the columns {other} and {column} both mean {field}; keep one</source>
        <translation>“{other}”和“{column}”两列都表示{field}，请只保留一列</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="73"/>
        <source>line {line}: {reason} ({value})</source>
        <translation>第 {line} 行：{reason}（{value}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="76"/>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="81"/>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="82"/>
        <source>the file cannot be read ({detail})</source>
        <translation>无法读取文件（{detail}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="83"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="84"/>
        <source>the file has a header row but no products</source>
        <translation>文件只有表头，没有商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="85"/>
        <source>the Excel file is damaged or incomplete; open it in Excel and save it again</source>
        <translation>Excel 文件已损坏或不完整，请用 Excel 打开后重新保存</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="89"/>
        <source>line {line}: a quotation mark is not closed, or text follows a closing one</source>
        <translation>第 {line} 行：引号没有闭合，或闭合的引号后面还有文字</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="93"/>
        <source>this file type is not supported ({detail}); use .xlsx or .csv</source>
        <translation>不支持此文件类型（{detail}），请使用 .xlsx 或 .csv</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="96"/>
        <source>this is not a spreadsheet; use a .xlsx or .csv file</source>
        <translation>这不是表格文件，请使用 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="99"/>
        <source>the text encoding is not recognised; save the file as CSV UTF-8 or as .xlsx</source>
        <translation>无法识别文本编码，请另存为“CSV UTF-8”或 .xlsx 格式</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="103"/>
        <source>the file cannot be written ({detail}); is it open in Excel?</source>
        <translation>无法写入文件（{detail}），是否正在 Excel 中打开？</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="112"/>
        <source>line {line}: SKU {sku} is already in the catalog: updated</source>
        <translation>第 {line} 行：SKU {sku} 已在商品库中，已更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="116"/>
        <source>line {line}: SKU {sku} is already in the catalog: skipped</source>
        <translation>第 {line} 行：SKU {sku} 已在商品库中，已跳过</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_messages.py" line="123"/>
        <source>Imported: {inserted} new, {updated} updated, {skipped} skipped (already in the catalog).</source>
        <translation>导入完成：新增 {inserted} 个，更新 {updated} 个，跳过 {skipped} 个（商品库中已有）。</translation>
    </message>
</context>
<context>
    <name>CatalogPreview</name>
    <message>
        <location filename="../../console/ui/catalog_preview.py" line="22"/>
        <source>→ {field}</source>
        <translation>→ {field}</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_preview.py" line="26"/>
        <source>kept as extra field</source>
        <translation>→ 附加字段（保留）</translation>
    </message>
    <message>
        <location filename="../../console/ui/catalog_preview.py" line="27"/>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="20"/>
        <source>Account and platform</source>
        <translation>账号与平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="21"/>
        <source>Content planning</source>
        <translation>内容策划</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="22"/>
        <source>Before going live</source>
        <translation>开播前</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="23"/>
        <source>During the show</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="24"/>
        <source>After the show</source>
        <translation>下播后</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="30"/>
        <source>By hand</source>
        <translation>手动勾选</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="31"/>
        <location filename="../../console/ui/checklist_messages.py" line="59"/>
        <source>OBS connected</source>
        <translation>OBS 已连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="32"/>
        <source>OBS scene collection</source>
        <translation>OBS 场景集合</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="33"/>
        <source>OBS profile</source>
        <translation>OBS 配置文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="34"/>
        <source>Stream server and key</source>
        <translation>推流地址和推流码</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="35"/>
        <source>Microphone live</source>
        <translation>麦克风有声音</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="36"/>
        <source>Free disk space</source>
        <translation>磁盘剩余空间</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="37"/>
        <source>Product queue not empty</source>
        <translation>商品队列不为空</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="38"/>
        <source>Live price and stock for every product</source>
        <translation>每个商品都有直播价和库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="39"/>
        <source>Lights reachable</source>
        <translation>灯光可连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="40"/>
        <source>Camera reachable</source>
        <translation>摄像头可连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="64"/>
        <source>OBS not connected</source>
        <translation>OBS 未连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="67"/>
        <source>Not configured: set the expected name</source>
        <translation>未配置：请设定应有的名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="69"/>
        <source>Asking OBS…</source>
        <translation>正在询问 OBS…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="72"/>
        <source>Scene collection “{name}”</source>
        <translation>场景集合“{name}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="74"/>
        <source>Profile “{name}”</source>
        <translation>配置文件“{name}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="79"/>
        <source>Scene collection is “{actual}”, not “{expected}”</source>
        <translation>场景集合是“{actual}”，不是“{expected}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="81"/>
        <source>Profile is “{actual}”, not “{expected}”</source>
        <translation>配置文件是“{actual}”，不是“{expected}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="84"/>
        <source>Stream server {server}</source>
        <translation>推流地址 {server}</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="86"/>
        <source>No stream server set in OBS</source>
        <translation>OBS 未填写推流地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="88"/>
        <source>No stream key set in OBS</source>
        <translation>OBS 未填写推流码</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="90"/>
        <source>Stream server {server} does not contain “{expected}”</source>
        <translation>推流地址 {server} 不包含“{expected}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="95"/>
        <source>Mic heard {ago} s ago</source>
        <translation>麦克风 {ago} 秒前有声音</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="97"/>
        <source>Mic {peak} dBFS peak, just now</source>
        <translation>麦克风 {peak} dBFS 峰值，刚刚</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="100"/>
        <source>Mic {peak} dBFS peak, {ago} s ago</source>
        <translation>麦克风 {peak} dBFS 峰值，{ago} 秒前</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="104"/>
        <source>Mic “{input}” is muted</source>
        <translation>麦克风“{input}”已静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="107"/>
        <source>No audio input “{input}” in OBS</source>
        <translation>OBS 中没有音频输入“{input}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="110"/>
        <source>No mic input in OBS</source>
        <translation>OBS 中没有麦克风输入</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="112"/>
        <source>Listening to the mic…</source>
        <translation>正在监听麦克风…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="114"/>
        <source>Mic silent for over {window} s</source>
        <translation>麦克风超过 {window} 秒没有声音</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="118"/>
        <source>Free disk space not known yet</source>
        <translation>暂不知道磁盘剩余空间</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="120"/>
        <source>{free} GB free (at least {min})</source>
        <translation>剩余 {free} GB（至少 {min} GB）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="124"/>
        <source>Only {free} GB free, {min} GB needed</source>
        <translation>只剩 {free} GB，需要 {min} GB</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="128"/>
        <source>No show open</source>
        <translation>没有打开的场次</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="130"/>
        <source>The product queue is empty</source>
        <translation>商品队列是空的</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="132"/>
        <source>{count} products in the queue</source>
        <translation>队列中有 {count} 个商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="134"/>
        <source>All {count} products have a live price and stock</source>
        <translation>{count} 个商品都有直播价和库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="138"/>
        <source>{count} of {total} products lack a live price or stock: {names}</source>
        <translation>{total} 个商品中有 {count} 个缺直播价或库存：{names}</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="143"/>
        <location filename="../../console/ui/checklist_messages.py" line="153"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="146"/>
        <source>No device control in this console</source>
        <translation>此中控台未接设备控制</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="148"/>
        <source>None set up (Tools ▸ Settings ▸ Devices)</source>
        <translation>尚未添加（工具 ▸ 设置 ▸ 设备）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="150"/>
        <source>{count} answering</source>
        <translation>{count} 台在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="152"/>
        <source>Not answering: {names}</source>
        <translation>无响应：{names}</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="156"/>
        <source>Unknown self-check “{kind}”</source>
        <translation>未知的自检项“{kind}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="160"/>
        <source>The self-check&apos;s settings are not valid</source>
        <translation>自检设置无效</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="161"/>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="166"/>
        <source>Enter your name first: it is recorded with every check.</source>
        <translation>请先填写你的名字：每次勾选都会记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="169"/>
        <source>The checklist could not be saved. Try again.</source>
        <translation>清单未能保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="170"/>
        <source>Open a show first.</source>
        <translation>请先打开场次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="171"/>
        <source>That item is no longer in the checklist.</source>
        <translation>该项已不在清单中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="172"/>
        <source>An item needs a text.</source>
        <translation>清单项不能为空。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="173"/>
        <source>Those self-check settings are not valid.</source>
        <translation>这些自检设置无效。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="174"/>
        <source>Your checklist template could not be read; this show got the built-in one.</source>
        <translation>无法读取你的清单模板，本场使用了内置模板。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="178"/>
        <source>Your template could not be saved.</source>
        <translation>你的模板未能保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="179"/>
        <source>The checklist is empty.</source>
        <translation>清单是空的。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_messages.py" line="183"/>
        <source>Checklist: {action} failed ({code})</source>
        <translation>清单：{action} 失败（{code}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="55"/>
        <source>your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="59"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="62"/>
        <source>Save as my template</source>
        <translation>存为我的模板</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="63"/>
        <source>New shows start from this checklist</source>
        <translation>新场次将使用这份清单</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="66"/>
        <location filename="../../console/ui/checklist_panel.py" line="79"/>
        <source>Checked by</source>
        <translation>勾选人</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="79"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="79"/>
        <location filename="../../console/ui/checklist_panel.py" line="329"/>
        <source>Required</source>
        <translation>必做</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="79"/>
        <source>Self-check</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="94"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="96"/>
        <source>Edit item…</source>
        <translation>编辑此项…</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="98"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="100"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="102"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="135"/>
        <source>Checklist: check or uncheck the selected item</source>
        <translation>检查清单：勾选或取消勾选所选项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="248"/>
        <source>Saved as your template: new shows start from this list.</source>
        <translation>已存为你的模板：新场次将使用这份清单。</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="275"/>
        <source>{phase} ({done}/{total})</source>
        <translation>{phase}（{done}/{total}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="284"/>
        <source>{count} required before going live still open</source>
        <translation>开播前还有 {count} 个必做项未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="287"/>
        <source>Ready to go live</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="335"/>
        <source>Checked by {who} at {when}</source>
        <translation>{who} 于 {when} 勾选</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="339"/>
        <source>Not checked yet</source>
        <translation>尚未勾选</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_panel.py" line="341"/>
        <source>Self-check: {name}</source>
        <translation>自检：{name}</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../console/ui/compare_window.py" line="94"/>
        <source>Total</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="97"/>
        <source>Difference (B − A)</source>
        <translation>差值（B − A）</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="98"/>
        <location filename="../../console/ui/compare_window.py" line="111"/>
        <source>Change</source>
        <translation>变化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="104"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="105"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="106"/>
        <source>On air A</source>
        <translation>A 讲解时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="107"/>
        <source>On air B</source>
        <translation>B 讲解时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="108"/>
        <source>GMV
during A</source>
        <translation>A 讲解期间
GMV</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="109"/>
        <source>GMV
during B</source>
        <translation>B 讲解期间
GMV</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="110"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="112"/>
        <source>Orders A</source>
        <translation>A 订单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="113"/>
        <source>Orders B</source>
        <translation>B 订单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="114"/>
        <source>Conversion
A</source>
        <translation>A
转化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="115"/>
        <source>Conversion
B</source>
        <translation>B
转化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="131"/>
        <source>{0} (only in A)</source>
        <translation>{0}（仅 A 有）</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="132"/>
        <source>Not in the second show</source>
        <translation>第二场没有该商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="136"/>
        <source>{0} (only in B)</source>
        <translation>{0}（仅 B 有）</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="137"/>
        <source>Not in the first show</source>
        <translation>第一场没有该商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="184"/>
        <source>Compare two shows</source>
        <translation>两场对比</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="189"/>
        <source>Show &amp;A:</source>
        <translation>场次 &amp;A：</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="189"/>
        <source>Show &amp;B:</source>
        <translation>场次 &amp;B：</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="216"/>
        <source>Could not read the list of shows.</source>
        <translation>无法读取场次列表。</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="224"/>
        <source>Comparing needs two shows.</source>
        <translation>至少需要两场才能对比。</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="237"/>
        <source>{0} (rehearsal)</source>
        <translation>{0}（彩排）</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="255"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="268"/>
        <source>A: {0} ({1}) · B: {2} ({3})</source>
        <translation>A：{0}（{1}）· B：{2}（{3}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="280"/>
        <source>One of the shows is not in the database any more.</source>
        <translation>其中一场已不在数据库中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/compare_window.py" line="283"/>
        <source>Could not load the comparison: {0}</source>
        <translation>无法加载对比：{0}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="30"/>
        <source>Connect to OBS</source>
        <translation>连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="38"/>
        <source>Remember the password (system keyring)</source>
        <translation>记住密码（系统密钥环）</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="42"/>
        <source>In OBS open Tools → WebSocket Server Settings, tick Enable WebSocket server, and copy the port and password from Show Connect Info.</source>
        <translation>在 OBS 中打开「工具 → WebSocket 服务器设置」，勾选「开启 WebSocket 服务器」，再从「显示连接信息」中复制端口和密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="51"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="52"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="53"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/connect_dialog.py" line="57"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <location filename="../../console/ui/connection_bar.py" line="33"/>
        <source>OBS connection…</source>
        <translation>OBS 连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection_bar.py" line="53"/>
        <source>OBS {0}</source>
        <translation>OBS {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection_bar.py" line="58"/>
        <source>MIC MUTED: {0}</source>
        <translation>麦克风已静音：{0}</translation>
    </message>
</context>
<context>
    <name>Cues</name>
    <message>
        <location filename="../../console/reports/report_text.py" line="155"/>
        <location filename="../../console/ui/cues_panel.py" line="69"/>
        <source>Talk up the perks</source>
        <translation>讲福利</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="156"/>
        <location filename="../../console/ui/cues_panel.py" line="70"/>
        <source>Push for orders</source>
        <translation>催单</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="157"/>
        <location filename="../../console/ui/cues_panel.py" line="71"/>
        <source>Read the comments</source>
        <translation>看评论</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="158"/>
        <location filename="../../console/ui/cues_panel.py" line="72"/>
        <source>Slow down</source>
        <translation>放慢</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="159"/>
        <location filename="../../console/ui/cues_panel.py" line="73"/>
        <source>Next product</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="160"/>
        <location filename="../../console/ui/cues_panel.py" line="74"/>
        <source>Drink some water</source>
        <translation>喝水</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="90"/>
        <source>Open a show first: cues are logged with the show.</source>
        <translation>请先打开场次：提示会记录在场次里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="91"/>
        <source>Type the cue first.</source>
        <translation>请先输入提示内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="92"/>
        <source>Too long for the host view: at most {0} characters.</source>
        <translation>太长，主播屏放不下：最多 {0} 个字。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="93"/>
        <source>The host saw the cue, but the show log could not save it.</source>
        <translation>主播已看到提示，但场次记录保存失败。</translation>
    </message>
</context>
<context>
    <name>CuesPanel</name>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="162"/>
        <source>Cue in your own words, Enter sends</source>
        <translation>自定义提示，按 Enter 发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="164"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="169"/>
        <source>Edit cues…</source>
        <translation>编辑提示…</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="225"/>
        <source>The cues could not be saved: {0}</source>
        <translation>提示列表保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="272"/>
        <source>The host view is not shown anywhere: the host cannot see {0} ({1} s)</source>
        <translation>主播屏未在任何屏幕上显示：主播看不到「{0}」（{1} 秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="276"/>
        <source>The host view is not shown anywhere: the host will not see cues.</source>
        <translation>主播屏未在任何屏幕上显示：主播看不到提示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="278"/>
        <source>No cue sent yet.</source>
        <translation>尚未发送提示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="281"/>
        <source>Flashing on the host view: {0} ({1} s)</source>
        <translation>主播屏闪烁中：{0}（{1} 秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="284"/>
        <source>The host saw it: {0}</source>
        <translation>主播已确认：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="287"/>
        <source>Not acknowledged, timed out: {0}</source>
        <translation>未确认，已超时：{0}</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="129"/>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="130"/>
        <source>GMV, running total (¥)</source>
        <translation>累计成交额（¥）</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="131"/>
        <source>GMV per minute (¥)</source>
        <translation>每分钟成交额（¥）</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="132"/>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="133"/>
        <source>Comments per minute</source>
        <translation>每分钟评论数</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="166"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="166"/>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="252"/>
        <source>Likes per minute (right axis)</source>
        <translation>每分钟点赞数（右轴）</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="355"/>
        <source>Online {0}</source>
        <translation>在线 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="356"/>
        <source>GMV {0}</source>
        <translation>成交额 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="360"/>
        <source>this minute {0}, {1} orders</source>
        <translation>本分钟 {0}，{1} 单</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="365"/>
        <source>{0} comments, {1} likes</source>
        <translation>{0} 条评论，{1} 个赞</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="387"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="389"/>
        <source>Explaining {0}, {1}–{2}</source>
        <translation>讲解 {0}，{1}–{2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="391"/>
        <source>Segment {0}, {1}–{2}</source>
        <translation>环节 {0}，{1}–{2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="393"/>
        <source>Flash sale {0}, {1}–{2}</source>
        <translation>秒杀 {0}，{1}–{2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="395"/>
        <source>Muted {0}, {1}–{2}</source>
        <translation>静音 {0}，{1}–{2}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="401"/>
        <source>Scene {0} at {1}</source>
        <translation>{1} 切换到场景 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="403"/>
        <source>Dropped frames at {0}</source>
        <translation>{0} 丢帧</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_charts.py" line="405"/>
        <source>Dropped frames {0}% at {1}</source>
        <translation>{1} 丢帧 {0}%</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="46"/>
        <source>Follow live</source>
        <translation>跟随直播</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="47"/>
        <source>Keep the last minutes in view as the show goes on</source>
        <translation>随直播进行，始终显示最近几分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="54"/>
        <source>last </source>
        <translation>最近 </translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="55"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="57"/>
        <source>Whole show</source>
        <translation>整场</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="60"/>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="79"/>
        <source>GMV target</source>
        <translation>成交额目标</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="104"/>
        <source>Live stats</source>
        <translation>实时数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="108"/>
        <source>explaining</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="109"/>
        <source>flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="110"/>
        <source>mic muted</source>
        <translation>麦克风静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="111"/>
        <source>scene change</source>
        <translation>切换场景</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="112"/>
        <source>segment start</source>
        <translation>环节开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="113"/>
        <source>dropped frames</source>
        <translation>丢帧</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="135"/>
        <source>The stats cannot be read right now; retrying.</source>
        <translation>暂时无法读取数据，正在重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_panel.py" line="182"/>
        <source>Point at a chart for details; wheel to zoom, drag to move in time.</source>
        <translation>指向图表查看详情；滚轮缩放，拖动平移时间。</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../console/ui/dashboard_window.py" line="55"/>
        <source>LiveDesk — live stats</source>
        <translation>LiveDesk — 实时数据</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../console/ui/channel_map_editor.py" line="38"/>
        <source>Number of channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <location filename="../../console/ui/channel_map_editor.py" line="60"/>
        <source>Ch {0} (DMX {1})</source>
        <translation>通道 {0}（DMX {1}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="32"/>
        <location filename="../../console/ui/device_messages.py" line="37"/>
        <location filename="../../console/ui/device_messages.py" line="43"/>
        <location filename="../../console/ui/device_messages.py" line="49"/>
        <location filename="../../console/ui/device_section.py" line="147"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="33"/>
        <location filename="../../console/ui/device_messages.py" line="50"/>
        <location filename="../../console/ui/device_section.py" line="150"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="34"/>
        <location filename="../../console/ui/device_messages.py" line="51"/>
        <location filename="../../console/ui/device_section.py" line="151"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="38"/>
        <location filename="../../console/ui/device_section.py" line="166"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="39"/>
        <location filename="../../console/ui/device_section.py" line="167"/>
        <source>Node address</source>
        <translation>节点地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="40"/>
        <location filename="../../console/ui/device_messages.py" line="44"/>
        <location filename="../../console/ui/device_section.py" line="168"/>
        <location filename="../../console/ui/device_section.py" line="188"/>
        <source>Universe</source>
        <translation>DMX 域</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="45"/>
        <location filename="../../console/ui/device_section.py" line="190"/>
        <source>Start address</source>
        <translation>起始地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="46"/>
        <location filename="../../console/ui/device_section.py" line="193"/>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="52"/>
        <location filename="../../console/ui/device_section.py" line="154"/>
        <source>Highest preset</source>
        <translation>最大预置位</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="56"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="63"/>
        <source>The light blinks so you can see which one it is.</source>
        <translation>灯会闪烁，方便你认出是哪一盏。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="64"/>
        <source>Sends the output&apos;s current levels once more.</source>
        <translation>把这个输出当前的灯光数值再发送一次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="65"/>
        <source>Asks the camera to answer; it does not move.</source>
        <translation>让摄像机回应一下，摄像机不会转动。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="74"/>
        <source>A Key Light has no name. Give it one.</source>
        <translation>有一盏补光灯没有名称，请填写名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="75"/>
        <source>A DMX output has no name. Give it one.</source>
        <translation>有一个 DMX 输出没有名称，请填写名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="76"/>
        <source>A fixture has no name. Give it one.</source>
        <translation>有一个灯具没有名称，请填写名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="77"/>
        <source>A PTZ camera has no name. Give it one.</source>
        <translation>有一台 PTZ 摄像机没有名称，请填写名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="78"/>
        <source>A camera source has no name. Pick or type one.</source>
        <translation>有一个摄像机来源没有名称，请选择或输入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="81"/>
        <source>A mic input has no name. Pick or type one.</source>
        <translation>有一个麦克风输入没有名称，请选择或输入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="82"/>
        <source>A device has no name. Give it one.</source>
        <translation>有一台设备没有名称，请填写名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="85"/>
        <source>The camera source “{0}” is listed twice.</source>
        <translation>摄像机来源「{0}」重复添加了两次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="87"/>
        <source>The mic input “{0}” is listed twice.</source>
        <translation>麦克风输入「{0}」重复添加了两次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="88"/>
        <source>The name “{0}” is used twice. Each light, output, fixture and camera needs its own name.</source>
        <translation>名称「{0}」用了两次。每盏灯、每个输出、每个灯具和每台摄像机都要有自己的名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="96"/>
        <source>{0}: port {1} does not exist. Use 1–65535 (Key Light: 9123, VISCA: 52381).</source>
        <translation>{0}：端口 {1} 无效。请使用 1–65535（Key Light：9123，VISCA：52381）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="100"/>
        <source>{0}: unknown protocol “{1}”. Choose sACN or Art-Net.</source>
        <translation>{0}：未知协议「{1}」。请选择 sACN 或 Art-Net。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="103"/>
        <source>{0}: the highest preset must be between 0 and 254.</source>
        <translation>{0}：最大预置位必须在 0 到 254 之间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="106"/>
        <source>{0}: universe {1} does not exist. sACN uses 1–63999, Art-Net 0–32767.</source>
        <translation>{0}：DMX 域 {1} 无效。sACN 使用 1–63999，Art-Net 使用 0–32767。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="110"/>
        <source>{0}: no DMX output sends universe {1}. Add an output for it, or change the fixture&apos;s universe.</source>
        <translation>{0}：没有 DMX 输出发送 DMX 域 {1}。请为它添加一个输出，或修改灯具的 DMX 域。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="115"/>
        <source>{0} sends the same universe as {1}. Give each output its own universe.</source>
        <translation>{0} 与 {1} 发送的是同一个 DMX 域。每个输出请使用各自的 DMX 域。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="119"/>
        <source>{0}: its channels must fit within DMX addresses 1–512. Lower the start address or use fewer channels.</source>
        <translation>{0}：通道必须落在 DMX 地址 1–512 之内。请调低起始地址或减少通道数。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="124"/>
        <source>{0} and {1} share DMX channels. Move one to a free start address.</source>
        <translation>{0} 和 {1} 占用了相同的 DMX 通道。请把其中一个移到空闲的起始地址。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="127"/>
        <source>{0}: unknown channel role “{1}”. Pick one from the list.</source>
        <translation>{0}：未知的通道功能「{1}」。请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="130"/>
        <source>{0}: “{1}” is set on two channels. Use each role once.</source>
        <translation>{0}：「{1}」设在了两个通道上。每种功能只能用一次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="133"/>
        <source>{0}: “{1}” needs its coarse channel too. Add it, or set this one to Not used.</source>
        <translation>{0}：「{1}」还需要对应的主通道。请添加主通道，或把这个通道设为“不使用”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="137"/>
        <source>{0}: the colour temperature range must go from a lower to a higher kelvin value.</source>
        <translation>{0}：色温范围必须从低色温到高色温（K 值由小到大）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="141"/>
        <source>{0}: a DMX frame must have 512 channels.</source>
        <translation>{0}：DMX 数据帧必须有 512 个通道。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="142"/>
        <source>{0}: a level is out of range ({1}).</source>
        <translation>{0}：数值超出范围（{1}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="143"/>
        <source>{0}: no such fixture in the rig.</source>
        <translation>{0}：设备配置中没有这个灯具。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="144"/>
        <source>{0}: the fade time must be 0 s or more.</source>
        <translation>{0}：渐变时间不能小于 0 秒。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="148"/>
        <source>{0}: universe {1} does not exist (0–63999).</source>
        <translation>{0}：DMX 域 {1} 无效（0–63999）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="154"/>
        <location filename="../../console/ui/device_messages.py" line="264"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="161"/>
        <source>{0}: type the DMX node&apos;s IP address, e.g. 192.168.1.50.</source>
        <translation>{0}：请填写 DMX 节点的 IP 地址，例如 192.168.1.50。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="164"/>
        <source>{0}: “{1}” is not an IP address. Type the node&apos;s address, e.g. 192.168.1.50.</source>
        <translation>{0}：「{1}」不是 IP 地址。请填写节点的地址，例如 192.168.1.50。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="169"/>
        <source>{0}: type its address: an IP such as 192.168.1.20, or a name such as keylight.local.</source>
        <translation>{0}：请填写地址：IP（如 192.168.1.20）或主机名（如 keylight.local）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="173"/>
        <source>{0}: “{1}” is not an address. Type an IP such as 192.168.1.20, or a name such as keylight.local.</source>
        <translation>{0}：「{1}」不是有效地址。请填写 IP（如 192.168.1.20）或主机名（如 keylight.local）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="185"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="185"/>
        <source>LiveDesk sends to it without errors. DMX does not answer back: only the lights show whether the node receives it.</source>
        <translation>LiveDesk 向它发送时没有出错。DMX 不会回传：节点是否收到，只能看灯光本身。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="191"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="191"/>
        <source>Online: it answers.</source>
        <translation>在线：设备有响应。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="194"/>
        <source>Error: {0}</source>
        <translation>错误：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="197"/>
        <source>Not checked yet</source>
        <translation>尚未检测</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="198"/>
        <source>LiveDesk has not talked to it yet. Press Test to check it.</source>
        <translation>LiveDesk 还没有和它通信过。按“测试”检查一下。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="200"/>
        <source>Offline: {0}</source>
        <translation>离线：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="207"/>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="208"/>
        <source>No answer in time. Check that it is switched on and the address is right.</source>
        <translation>没有及时响应。请检查设备是否开机、地址是否正确。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="214"/>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="215"/>
        <source>Nothing answers on that port. Check the port and that the device is on.</source>
        <translation>这个端口上没有设备响应。请检查端口，并确认设备已开机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="221"/>
        <source>cannot reach it</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="222"/>
        <source>The network cannot reach it. Check the address and the cable or Wi-Fi.</source>
        <translation>网络无法连接到它。请检查地址以及网线或 Wi-Fi。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="228"/>
        <source>unexpected answer</source>
        <translation>响应异常</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="229"/>
        <source>Something answered, but not as this kind of device does. Check the address and the port.</source>
        <translation>有设备响应了，但不是这类设备的响应方式。请检查地址和端口。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="236"/>
        <source>command refused</source>
        <translation>指令被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="237"/>
        <source>The device refused the command. Check its own settings (remote control on).</source>
        <translation>设备拒绝了指令。请检查设备自身的设置（是否开启远程控制）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="243"/>
        <source>not set up</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="244"/>
        <source>It is not set up yet: give it an address and press Apply.</source>
        <translation>还没有配置好：请填写地址并按“应用”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="247"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="248"/>
        <source>LiveDesk stopped using it (removed or changed). Press Apply to use it.</source>
        <translation>LiveDesk 已停止使用它（已移除或已修改）。按“应用”后重新启用。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="260"/>
        <source>{0} is missing</source>
        <translation>缺少 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="261"/>
        <source>{0} has the wrong type</source>
        <translation>{0} 的类型不对</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="262"/>
        <source>{0} is not a list</source>
        <translation>{0} 不是列表</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="263"/>
        <source>{0} is not an object</source>
        <translation>{0} 不是对象</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="265"/>
        <source>The saved devices could not be read ({0}), so LiveDesk is using none. Fix the “rig” part of {1} and restart LiveDesk, or set the devices up again here: OK or Apply after a change here replaces the saved ones.</source>
        <translation>保存的设备设置无法读取（{0}），所以 LiveDesk 目前没有使用任何设备。请修正 {1} 中的“rig”部分后重启 LiveDesk，或在这里重新设置设备：在这里修改后按“确定”或“应用”，会替换保存的设备设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="276"/>
        <source>Identified: it blinks</source>
        <translation>已识别：灯在闪烁</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="277"/>
        <source>Answered</source>
        <translation>已响应</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="278"/>
        <source>Sent (DMX does not answer back)</source>
        <translation>已发送（DMX 不会回传）</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="279"/>
        <source>Ready: nothing to resend yet</source>
        <translation>已就绪：暂无可重发的数值</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="286"/>
        <source>Not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="287"/>
        <source>Dimmer</source>
        <translation>调光</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="288"/>
        <source>Colour temperature</source>
        <translation>色温</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="289"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="290"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="291"/>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="294"/>
        <source>{0} (fine)</source>
        <translation>{0}（微调）</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="300"/>
        <source>sACN (E1.31)</source>
        <translation>sACN (E1.31)</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_messages.py" line="301"/>
        <source>Art-Net</source>
        <translation>Art-Net</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="77"/>
        <location filename="../../console/ui/name_list_tab.py" line="36"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="78"/>
        <location filename="../../console/ui/name_list_tab.py" line="37"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="89"/>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="149"/>
        <source>IP address or name, e.g. 192.168.1.20</source>
        <translation>IP 地址或主机名，例如 192.168.1.20</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="170"/>
        <source>Send to the whole network (multicast / broadcast)</source>
        <translation>发送到整个网络（组播 / 广播）</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="176"/>
        <source>Every DMX device on this network receives these levels, other rooms&apos; lights included. Use it only when the node cannot be reached by its address.</source>
        <translation>这个网络上的所有 DMX 设备都会收到这些数值，包括其他直播间的灯。只有在无法通过地址连接节点时才开启。</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="202"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="206"/>
        <source>Colour temperature range</source>
        <translation>色温范围</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="357"/>
        <source>Key Light {0}</source>
        <translation>补光灯 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="358"/>
        <source>DMX output {0}</source>
        <translation>DMX 输出 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="359"/>
        <source>Fixture {0}</source>
        <translation>灯具 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/device_section.py" line="360"/>
        <source>Camera {0}</source>
        <translation>摄像机 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="93"/>
        <source>Key Lights</source>
        <translation>补光灯（Key Light）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="94"/>
        <source>DMX outputs</source>
        <translation>DMX 输出</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="95"/>
        <source>DMX fixtures</source>
        <translation>DMX 灯具</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="96"/>
        <source>PTZ cameras</source>
        <translation>PTZ 摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="97"/>
        <source>Camera sources</source>
        <translation>摄像机来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="98"/>
        <source>Mic inputs</source>
        <translation>麦克风输入</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="181"/>
        <source>The OBS sources that show a camera. A preset that picks one of them shows it and hides the other listed cameras in that scene; other sources stay as they are. With the list empty, every video capture source counts as a camera.</source>
        <translation>OBS 中显示摄像机画面的来源。预设选中其中一个时，会显示它并隐藏该场景中列表里的其他摄像机；其他来源保持不变。列表为空时，所有视频采集来源都算作摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="185"/>
        <source>Connect to OBS to pick from its list.</source>
        <translation>连接 OBS 后可从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="188"/>
        <source>OBS&apos;s mic inputs (connect to OBS to see them)</source>
        <translation>使用 OBS 的麦克风输入（连接 OBS 后可查看）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="190"/>
        <source>OBS&apos;s mic inputs: {0}</source>
        <translation>使用 OBS 的麦克风输入：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="192"/>
        <source>none: OBS has no mic input set (OBS: Settings ▸ Audio)</source>
        <translation>无：OBS 中没有设置麦克风（OBS：设置 ▸ 音频）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="195"/>
        <source>The inputs whose mute, volume and filters a preset keeps. Empty list: {0}.</source>
        <translation>预设会记住这些输入的静音、音量和滤镜。列表为空时：{0}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="281"/>
        <source>Not applied yet</source>
        <translation>尚未应用</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="282"/>
        <source>New or changed: press Apply to use it (and to test it).</source>
        <translation>新添加或已修改：按“应用”后才会生效（也才能测试）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="290"/>
        <source>No output</source>
        <translation>无输出</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="290"/>
        <source>No DMX output sends its universe.</source>
        <translation>没有 DMX 输出发送它所在的 DMX 域。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="295"/>
        <source>Its output {0}: {1}</source>
        <translation>所用输出 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="322"/>
        <source>Press Apply first</source>
        <translation>请先按“应用”</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="323"/>
        <source>This device is new or changed. Press Apply, then Test.</source>
        <translation>这台设备是新添加或刚修改的。请先按“应用”，再按“测试”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="330"/>
        <source>Testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="353"/>
        <source>Failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="359"/>
        <source>No answer yet</source>
        <translation>暂无响应</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices_page.py" line="361"/>
        <source>No answer within 2 s. Check that it is switched on and the address is right.</source>
        <translation>2 秒内没有响应。请检查设备是否开机、地址是否正确。</translation>
    </message>
    <message>
        <location filename="../../console/ui/name_list_tab.py" line="43"/>
        <source>Pick one of OBS&apos;s inputs or type a name</source>
        <translation>从 OBS 的来源中选择，或输入名称</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="14"/>
        <source>LiveDesk: unexpected error</source>
        <translation>LiveDesk：意外错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="24"/>
        <source>Something went wrong inside LiveDesk. The show goes on: OBS keeps running and this window can be closed.</source>
        <translation>LiveDesk 内部出现了问题。直播不受影响：OBS 仍在运行，可以关闭此窗口。</translation>
    </message>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="29"/>
        <source>{0}

Details are in the log file:
{1}</source>
        <translation>{0}

详细信息见日志文件：
{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/error_dialog.py" line="33"/>
        <source>{0} errors since the last time this was closed.</source>
        <translation>自上次关闭此窗口以来共 {0} 个错误。</translation>
    </message>
</context>
<context>
    <name>GoLiveGate</name>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="95"/>
        <source>This show is a rehearsal (彩排): Go Live is off. Open or create the real show to go live.</source>
        <translation>本场是彩排：不能开播。请打开或新建正式场次再开播。</translation>
    </message>
</context>
<context>
    <name>HealthStrip</name>
    <message>
        <location filename="../../console/ui/health_strip.py" line="33"/>
        <source>FPS {0}</source>
        <translation>帧率 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="34"/>
        <source>CPU {0}%</source>
        <translation>CPU {0}%</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="35"/>
        <source>Render skipped {0}</source>
        <translation>渲染跳帧 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="36"/>
        <source>Encoder skipped {0}</source>
        <translation>编码跳帧 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="37"/>
        <source>Dropped {0}%</source>
        <translation>丢帧 {0}%</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="38"/>
        <source>{0} kb/s</source>
        <translation>{0} kb/s</translation>
    </message>
    <message>
        <location filename="../../console/ui/health_strip.py" line="39"/>
        <source>Disk {0} GB free</source>
        <translation>磁盘剩余 {0} GB</translation>
    </message>
</context>
<context>
    <name>HostView</name>
    <message>
        <location filename="../../console/ui/host_view.py" line="224"/>
        <source>Online {0}</source>
        <translation>在线 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="226"/>
        <source>GMV {0} / target {1}</source>
        <translation>GMV {0} / 目标 {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="280"/>
        <source>{0} left</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="282"/>
        <source>Over {0}</source>
        <translation>超时 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="291"/>
        <source>Next: {0}</source>
        <translation>下一个：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="294"/>
        <location filename="../../console/ui/host_view.py" line="302"/>
        <source>NOW</source>
        <translation>正在讲解</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="295"/>
        <source>Nothing being explained</source>
        <translation>暂无讲解商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="302"/>
        <source>NOW · link {0}</source>
        <translation>正在讲解 · {0}号链接</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="309"/>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="311"/>
        <source>Stock {0}</source>
        <translation>库存 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="318"/>
        <source>Flash sale in {0}</source>
        <translation>秒杀倒计时 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/host_view.py" line="320"/>
        <source>On sale · {0} left</source>
        <translation>秒杀中 · 剩余 {0}</translation>
    </message>
</context>
<context>
    <name>HostWindow</name>
    <message>
        <location filename="../../console/ui/host_window.py" line="110"/>
        <source>LiveDesk — host view</source>
        <translation>LiveDesk — 主播屏</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../console/ui/level_meter.py" line="58"/>
        <source>MUTED</source>
        <translation>已静音</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="39"/>
        <source>LiveDesk — live room console</source>
        <translation>LiveDesk 直播中控台</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="43"/>
        <source>OBS connection</source>
        <translation>OBS 连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="50"/>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="54"/>
        <source>Audio mixer</source>
        <translation>音频混音器</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="55"/>
        <source>Stream and recording</source>
        <translation>直播与录制</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="62"/>
        <source>Product queue</source>
        <translation>商品队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="69"/>
        <source>Coupons and lucky bags</source>
        <translation>优惠券与福袋</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="77"/>
        <source>OBS connection…</source>
        <translation>OBS 连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="78"/>
        <source>&amp;Show</source>
        <translation>场次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="79"/>
        <source>&amp;Catalog</source>
        <translation>商品库(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="80"/>
        <source>&amp;OBS</source>
        <translation>&amp;OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="82"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="84"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="85"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="87"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="90"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="112"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../console/ui/messages.py" line="12"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="13"/>
        <source>Connecting to OBS…</source>
        <translation>正在连接 OBS…</translation>
    </message>
    <message>
        <location filename="../../console/self_test.py" line="171"/>
        <location filename="../../console/ui/messages.py" line="14"/>
        <source>Connected to OBS</source>
        <translation>已连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="15"/>
        <source>Reconnecting to OBS…</source>
        <translation>正在重新连接 OBS…</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="16"/>
        <source>Cannot connect to OBS</source>
        <translation>无法连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="23"/>
        <source>OBS is not running at {address}, or its WebSocket server is off (OBS: Tools → WebSocket Server Settings).</source>
        <translation>{address} 上没有运行 OBS，或其 WebSocket 服务器未开启（OBS：工具 → WebSocket 服务器设置）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="28"/>
        <source>No answer from {address}. Check the address and that OBS is running.</source>
        <translation>{address} 没有响应。请检查地址，并确认 OBS 正在运行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="31"/>
        <source>The computer at {address} cannot be reached. Check the network.</source>
        <translation>无法访问 {address} 所在的电脑。请检查网络。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="34"/>
        <source>The address {address} does not exist. Check the host name.</source>
        <translation>地址 {address} 不存在。请检查主机名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="37"/>
        <source>Network error talking to {address}.</source>
        <translation>与 {address} 通信时发生网络错误。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="38"/>
        <source>Something answers at {address}, but it is not OBS&apos;s WebSocket server (or OBS is still starting).</source>
        <translation>{address} 有程序响应，但不是 OBS 的 WebSocket 服务器（或 OBS 仍在启动中）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="43"/>
        <source>The service at {address} is not OBS&apos;s WebSocket server.</source>
        <translation>{address} 上的服务不是 OBS 的 WebSocket 服务器。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="44"/>
        <source>OBS closed the connection.</source>
        <translation>OBS 关闭了连接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="45"/>
        <source>OBS answered in a way LiveDesk does not understand.</source>
        <translation>OBS 的应答 LiveDesk 无法识别。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="46"/>
        <source>Wrong OBS password. Copy it from OBS: Tools → WebSocket Server Settings → Show Connect Info.</source>
        <translation>OBS 密码错误。请从 OBS 复制：工具 → WebSocket 服务器设置 → 显示连接信息。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="51"/>
        <source>OBS asks for a password. Enter the one shown in OBS: Tools → WebSocket Server Settings.</source>
        <translation>OBS 需要密码。请输入 OBS 中显示的密码：工具 → WebSocket 服务器设置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="56"/>
        <source>This OBS is too old. LiveDesk needs OBS 28 or newer (WebSocket protocol 5).</source>
        <translation>此 OBS 版本过旧。LiveDesk 需要 OBS 28 或更新版本（WebSocket 协议 5）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="60"/>
        <source>The connection to OBS was lost.</source>
        <translation>与 OBS 的连接已断开。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="61"/>
        <source>OBS stopped answering.</source>
        <translation>OBS 停止响应。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="62"/>
        <source>Connecting to the new address…</source>
        <translation>正在连接新地址…</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="63"/>
        <source>LiveDesk hit an internal error talking to OBS (see the log); retrying.</source>
        <translation>LiveDesk 与 OBS 通信时发生内部错误（详见日志），正在重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="74"/>
        <source>Not done: OBS is not connected.</source>
        <translation>未执行：OBS 未连接。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="76"/>
        <source>Not done: OBS was busy and the command came too late.</source>
        <translation>未执行：OBS 繁忙，指令已过时。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="78"/>
        <source>Not done: LiveDesk hit an internal error (see the log).</source>
        <translation>未执行：LiveDesk 发生内部错误（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="80"/>
        <source>OBS did not answer within 3 seconds ({request}).</source>
        <translation>OBS 在 3 秒内没有响应（{request}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="84"/>
        <source>Not done: the connection to OBS was lost ({request}).</source>
        <translation>未执行：与 OBS 的连接已断开（{request}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="88"/>
        <source>Not done: {what} is already running.</source>
        <translation>未执行：{what}已经在进行中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="92"/>
        <source>Not done: {what} is not running.</source>
        <translation>未执行：{what}没有在进行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="106"/>
        <source>the live stream</source>
        <translation>直播</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="108"/>
        <source>the recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="115"/>
        <source>Not done: this product is sold out. Add stock first.</source>
        <translation>未执行：该商品已售罄，请先补库存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="116"/>
        <source>No product is waiting in the queue.</source>
        <translation>队列中没有待讲解的商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="117"/>
        <source>Start 讲解 on a product first: a flash sale is for the current product.</source>
        <translation>请先开始讲解一个商品：秒杀针对当前讲解的商品。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="120"/>
        <source>Stock cannot be negative.</source>
        <translation>库存不能为负数。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="121"/>
        <source>A price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="122"/>
        <source>Not a price. Type it like 59.9 or ¥59.90.</source>
        <translation>不是有效价格。请输入如 59.9 或 ¥59.90。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="123"/>
        <source>Not a number of items. Type it like 120.</source>
        <translation>不是有效件数。请输入如 120。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="124"/>
        <source>The countdown must be 10 to 300 seconds.</source>
        <translation>倒计时须为 10 到 300 秒。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="125"/>
        <source>The sale must last 1 to 20 minutes.</source>
        <translation>秒杀时长须为 1 到 20 分钟。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="126"/>
        <location filename="../../console/ui/messages.py" line="146"/>
        <source>The quantity must be at least 1.</source>
        <translation>数量至少为 1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="127"/>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="128"/>
        <source>A flash sale is running. End it first (Shift+F) to start another.</source>
        <translation>秒杀正在进行。请先结束（Shift+F）再开始新的秒杀。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="131"/>
        <source>No flash sale is running.</source>
        <translation>当前没有进行中的秒杀。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="132"/>
        <location filename="../../console/ui/messages.py" line="147"/>
        <source>No show is open.</source>
        <translation>没有打开的场次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="133"/>
        <source>Could not save to the show database (see the log). The change was undone.</source>
        <translation>无法保存到场次数据库（详见日志），该操作已撤回。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="137"/>
        <location filename="../../console/ui/messages.py" line="151"/>
        <source>Not done ({0}).</source>
        <translation>未执行（{0}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="143"/>
        <source>An offer must run from 10 seconds to 12 hours.</source>
        <translation>优惠活动时长须为 10 秒到 12 小时。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="148"/>
        <source>The start time has already passed.</source>
        <translation>开始时间已过。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="149"/>
        <source>Could not save to the show database (see the log).</source>
        <translation>无法保存到场次数据库（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="96"/>
        <source>OBS does not have that item any more: {comment}</source>
        <translation>OBS 中已没有该项目：{comment}</translation>
    </message>
    <message>
        <location filename="../../console/ui/messages.py" line="99"/>
        <source>OBS refused {request}: {comment} (code {code})</source>
        <translation>OBS 拒绝了 {request}：{comment}（代码 {code}）</translation>
    </message>
</context>
<context>
    <name>OffersPanel</name>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="44"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="44"/>
        <source>Lucky bag</source>
        <translation>福袋</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="48"/>
        <source>Offer</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="49"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="50"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="51"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="68"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="70"/>
        <source>any quantity</source>
        <translation>不限数量</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="71"/>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="73"/>
        <location filename="../../console/ui/offers_panel.py" line="158"/>
        <source>Cancel offer</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="119"/>
        <source>tomorrow {0}</source>
        <translation>明天 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="159"/>
        <source>End this offer now? It is running.</source>
        <translation>该活动正在进行中，确定现在结束吗？</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="161"/>
        <source>{0} started at {1}. Viewers will see it end.</source>
        <translation>{0}已于 {1} 开始，观众会看到它结束。</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="165"/>
        <source>End it now</source>
        <translation>立即结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="166"/>
        <source>Keep it running</source>
        <translation>继续进行</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="199"/>
        <source>starts in {0}</source>
        <translation>{0} 后开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="201"/>
        <source>RUNNING — {0} left</source>
        <translation>进行中 — 剩余 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/offers_panel.py" line="203"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>OutputsPanel</name>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="90"/>
        <source>● LIVE — Stop</source>
        <translation>● 直播中 — 停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="83"/>
        <location filename="../../console/ui/outputs_panel.py" line="90"/>
        <source>Go Live</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="79"/>
        <source>Rehearsal — Go Live off</source>
        <translation>彩排 — 不能开播</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="91"/>
        <source>● REC — Stop</source>
        <translation>● 录制中 — 停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="91"/>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="93"/>
        <source>Stream: unknown</source>
        <translation>直播：状态未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="94"/>
        <source>Recording: unknown</source>
        <translation>录制：状态未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="123"/>
        <source>Stop the live stream? Viewers will see the room end.</source>
        <translation>停止直播？观众将看到直播间结束。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="135"/>
        <source>Go live now? The stream starts with the current scene.</source>
        <translation>现在开播？直播将从当前场景开始。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="157"/>
        <source>Stop recording?</source>
        <translation>停止录制？</translation>
    </message>
    <message>
        <location filename="../../console/ui/outputs_panel.py" line="150"/>
        <location filename="../../console/ui/outputs_panel.py" line="165"/>
        <source>LiveDesk</source>
        <translation>LiveDesk</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../../console/ui/overlay_text.py" line="21"/>
        <source>Live price ¥{0}</source>
        <translation>直播价 ¥{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/overlay_text.py" line="27"/>
        <source>Flash sale in {0}</source>
        <translation>秒杀倒计时 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/overlay_text.py" line="29"/>
        <source>Flash sale! Ends in {0}</source>
        <translation>秒杀进行中！剩余 {0}</translation>
    </message>
</context>
<context>
    <name>PresetEditor</name>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="71"/>
        <source>Edit preset</source>
        <translation>编辑预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="71"/>
        <source>New preset</source>
        <translation>新建预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="74"/>
        <source>No hotkey</source>
        <translation>不设快捷键</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="81"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="84"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="85"/>
        <source>Hot&amp;key</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="88"/>
        <source>Sc&amp;ene and camera</source>
        <translation>场景与机位(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="91"/>
        <source>&amp;Lights</source>
        <translation>灯光(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="94"/>
        <source>&amp;Mics</source>
        <translation>麦克风(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="100"/>
        <source>Could not be read; the preset keeps what it had for these:</source>
        <translation>以下设备没读到，预设保留它们原来的设置：</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="102"/>
        <source>Could not be read, not in the preset:</source>
        <translation>以下设备没读到，未存入预设：</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="142"/>
        <source>e.g. Cosmetics close-up</source>
        <translation>例如：美妆特写</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="155"/>
        <location filename="../../console/ui/preset_editor.py" line="158"/>
        <location filename="../../console/ui/preset_lights_tab.py" line="151"/>
        <location filename="../../console/ui/preset_lights_tab.py" line="156"/>
        <location filename="../../console/ui/preset_lights_tab.py" line="160"/>
        <location filename="../../console/ui/preset_lights_tab.py" line="193"/>
        <location filename="../../console/ui/preset_mics_tab.py" line="82"/>
        <location filename="../../console/ui/preset_mics_tab.py" line="89"/>
        <location filename="../../console/ui/preset_mics_tab.py" line="108"/>
        <source>Don&apos;t change</source>
        <translation>不改变</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="166"/>
        <source>Don&apos;t move</source>
        <translation>不转动</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="171"/>
        <location filename="../../console/ui/preset_lights_tab.py" line="254"/>
        <source>{0} (not in the rig)</source>
        <translation>{0}（设备设置里没有）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="180"/>
        <source>Program &amp;scene</source>
        <translation>节目场景(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="181"/>
        <source>Camera: show one camera source in a scene, hide its other cameras</source>
        <translation>机位：在场景里显示一路摄像头，隐藏该场景的其他摄像头</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="184"/>
        <source>&amp;Camera in scene</source>
        <translation>机位所在场景(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="185"/>
        <source>Camera s&amp;ource</source>
        <translation>摄像头来源(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="186"/>
        <source>&amp;PTZ camera</source>
        <translation>云台摄像机(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="187"/>
        <source>PTZ p&amp;reset number</source>
        <translation>云台预置位编号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="191"/>
        <source>OK also makes the PTZ camera store its position as it is then under this preset number.</source>
        <translation>点“确定”时，云台摄像机会把那一刻的位置存到这个预置位编号下。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="286"/>
        <source>Ctrl+{0} is on “{1}” now: saving moves the key to this preset.</source>
        <translation>Ctrl+{0} 目前属于“{1}”：保存后这个快捷键改给本预设。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="291"/>
        <source>A preset called “{0}” exists: saving replaces it.</source>
        <translation>已有名为“{0}”的预设：保存会覆盖它。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="296"/>
        <source>Give the preset a name.</source>
        <translation>请给预设起个名字。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="298"/>
        <source>Choose the camera source to show in that scene.</source>
        <translation>请选择要在该场景里显示的摄像头。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="311"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="326"/>
        <source>Another preset is already called “{0}”. Choose another name.</source>
        <translation>已有预设叫“{0}”，请换个名字。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="328"/>
        <source>The show database could not store it. Try again.</source>
        <translation>场次数据库没能保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_editor.py" line="330"/>
        <source>Not saved ({0}).</source>
        <translation>未保存（{0}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="67"/>
        <source>&amp;Fade time (DMX fixtures)</source>
        <translation>渐变时间（DMX 灯具）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="76"/>
        <source>Key Lights</source>
        <translation>补光灯（Key Light）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="77"/>
        <source>Light</source>
        <translation>灯</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="78"/>
        <source>Power</source>
        <translation>开关</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="79"/>
        <source>Brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="80"/>
        <location filename="../../console/ui/preset_lights_tab.py" line="98"/>
        <source>Colour temp.</source>
        <translation>色温</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="86"/>
        <source>No Key Lights in the rig (Settings ▸ Devices).</source>
        <translation>还没有添加补光灯（设置 ▸ 设备）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="95"/>
        <source>DMX fixtures</source>
        <translation>DMX 灯具</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="96"/>
        <source>Fixture</source>
        <translation>灯具</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="97"/>
        <source>Dimmer</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="99"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="115"/>
        <source>No DMX fixtures in the rig (Settings ▸ Devices).</source>
        <translation>还没有添加 DMX 灯具（设置 ▸ 设备）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="149"/>
        <location filename="../../console/ui/preset_mics_tab.py" line="109"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="150"/>
        <location filename="../../console/ui/preset_mics_tab.py" line="110"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="200"/>
        <source>Set the colour</source>
        <translation>设置颜色</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_lights_tab.py" line="231"/>
        <source>Fixture colour</source>
        <translation>灯具颜色</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_mics_tab.py" line="54"/>
        <source>No mic found: connect OBS, or name the mics in the rig.</source>
        <translation>没找到麦克风：请先连接 OBS，或在设备设置里指定麦克风。</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_mics_tab.py" line="83"/>
        <source>Live (unmuted)</source>
        <translation>开麦（取消静音）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_mics_tab.py" line="84"/>
        <source>Muted</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_mics_tab.py" line="97"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_mics_tab.py" line="98"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_mics_tab.py" line="114"/>
        <source>Filter “{0}”</source>
        <translation>滤镜“{0}”</translation>
    </message>
</context>
<context>
    <name>PresetsPanel</name>
    <message>
        <location filename="../../console/ui/preset_list.py" line="40"/>
        <source>Key</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_list.py" line="41"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_list.py" line="42"/>
        <source>Sets</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_list.py" line="82"/>
        <source>Recall</source>
        <translation>调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_list.py" line="89"/>
        <source>Recall “{0}”</source>
        <translation>调用“{0}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_list.py" line="107"/>
        <source>Recalled last</source>
        <translation>最近一次调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="24"/>
        <source>{0} preset {1}</source>
        <translation>{0} 预置位 {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="30"/>
        <source>lights ×{0}</source>
        <translation>灯光 ×{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="34"/>
        <source>mics ×{0}</source>
        <translation>麦克风 ×{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="35"/>
        <source>(sets nothing)</source>
        <translation>（没有设置任何内容）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="40"/>
        <source>mic muted</source>
        <translation>麦克风静音</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="42"/>
        <source>mic live</source>
        <translation>麦克风开</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="43"/>
        <source>mic</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="49"/>
        <source>“{0}”, recalled by hotkey Ctrl+{1}</source>
        <translation>“{0}”，快捷键 Ctrl+{1} 调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="53"/>
        <source>“{0}”, recalled by button</source>
        <translation>“{0}”，按钮调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="54"/>
        <source>“{0}”, recalled by hotkey</source>
        <translation>“{0}”，快捷键调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="55"/>
        <source>“{0}”, recalled by 讲解 on its product</source>
        <translation>“{0}”，开始讲解商品时调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="56"/>
        <source>“{0}”, recalled as its rundown segment started</source>
        <translation>“{0}”，流程环节开始时调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="69"/>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="70"/>
        <source>Camera</source>
        <translation>机位</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="71"/>
        <source>PTZ camera</source>
        <translation>云台摄像机</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="72"/>
        <source>Key Light</source>
        <translation>补光灯</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="73"/>
        <source>DMX</source>
        <translation>DMX 灯光</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="74"/>
        <source>Mic</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="75"/>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="84"/>
        <source>no answer in time: is it on?</source>
        <translation>响应超时：设备开着吗？</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="85"/>
        <source>connection refused: wrong port, or restarting?</source>
        <translation>连接被拒绝：端口不对，或设备正在重启？</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="86"/>
        <source>cannot reach it: unplugged, or a wrong address?</source>
        <translation>连不上：网线或电源没接好，或地址不对？</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="87"/>
        <source>unexpected answer: is it the right device?</source>
        <translation>返回内容不对：是这台设备吗？</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="88"/>
        <source>it refused the setting</source>
        <translation>设备拒绝了这个设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="89"/>
        <source>not in the rig (Settings ▸ Devices)</source>
        <translation>设备设置里没有它（设置 ▸ 设备）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="90"/>
        <source>not in use any more (removed or changed in Settings)</source>
        <translation>已停用（在设置里被删除或修改）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="91"/>
        <source>no answer within 2 s</source>
        <translation>2 秒内没有响应</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="92"/>
        <source>a value out of range for this device</source>
        <translation>数值超出了这台设备的范围</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="93"/>
        <source>that camera is not in the scene</source>
        <translation>该场景里没有这个摄像头</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="94"/>
        <source>OBS is not connected</source>
        <translation>OBS 未连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="95"/>
        <source>OBS did not answer</source>
        <translation>OBS 没有响应</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="96"/>
        <source>the connection to OBS was lost</source>
        <translation>与 OBS 的连接断开了</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="97"/>
        <source>OBS was too busy: not sent</source>
        <translation>OBS 太忙，没有发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="98"/>
        <source>not found in OBS: renamed or deleted?</source>
        <translation>OBS 里找不到：改名或删除了？</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="99"/>
        <source>OBS refused it</source>
        <translation>OBS 拒绝了这个操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="100"/>
        <source>still moving…</source>
        <translation>仍在转动…</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="101"/>
        <source>no free preset number: LiveDesk&apos;s top {0} are all in use</source>
        <translation>没有空闲的预置位：LiveDesk 使用的最高 {0} 个编号都已占用</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="104"/>
        <source>a level out of range for this fixture</source>
        <translation>有数值超出了这个灯具的范围</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="105"/>
        <source>no such fixture in the rig</source>
        <translation>设备设置里没有这个灯具</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="106"/>
        <source>the fade time is not valid</source>
        <translation>淡入时间无效</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="107"/>
        <source>a DMX frame must have 512 channels</source>
        <translation>DMX 帧必须有 512 个通道</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="110"/>
        <source>the DMX patch has a problem (Settings ▸ Devices)</source>
        <translation>DMX 配接有问题（设置 ▸ 设备）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="112"/>
        <source>OBS has no filter “{0}” (renamed?); the rest of the mic was set</source>
        <translation>OBS 里没有滤镜“{0}”（改名了？）；麦克风其余设置已生效</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="135"/>
        <source>1 device failed</source>
        <translation>1 个设备失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="136"/>
        <source>{0} devices failed</source>
        <translation>{0} 个设备失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="144"/>
        <source>Saved, but the PTZ camera {0} did not store its position: {1}</source>
        <translation>已保存，但云台摄像机 {0} 没有存下当前位置：{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="149"/>
        <source>{0} (at {1})</source>
        <translation>{0}（位置：{1}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="151"/>
        <source>Nothing was imported: {0}</source>
        <translation>没有导入任何预设：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="152"/>
        <source>Not exported: {0}</source>
        <translation>未导出：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="153"/>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="154"/>
        <source>Not deleted: {0}</source>
        <translation>未删除：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="155"/>
        <source>The presets could not be read: {0}</source>
        <translation>无法读取预设：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="156"/>
        <source>The product&apos;s preset was not changed: {0}</source>
        <translation>商品的预设没有改动：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="157"/>
        <source>Not captured: {0}</source>
        <translation>未抓取：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="158"/>
        <source>Not recalled: {0}</source>
        <translation>未调用：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="165"/>
        <source>the file is not JSON</source>
        <translation>文件不是 JSON 格式</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="166"/>
        <source>the file is not a LiveDesk presets file</source>
        <translation>这不是 LiveDesk 的预设文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="167"/>
        <source>the file is from a newer LiveDesk</source>
        <translation>文件来自更新版本的 LiveDesk</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="168"/>
        <location filename="../../console/ui/preset_messages.py" line="169"/>
        <source>a part of the file has the wrong shape</source>
        <translation>文件中有部分结构不对</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="170"/>
        <source>a value has the wrong type</source>
        <translation>有数值类型不对</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="171"/>
        <source>a value is missing</source>
        <translation>缺少一个数值</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="172"/>
        <source>a value is out of range</source>
        <translation>有数值超出范围</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="173"/>
        <source>a name is empty</source>
        <translation>有名称为空</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="174"/>
        <source>two presets have the same name</source>
        <translation>有两个预设同名</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="175"/>
        <source>two presets have the same hotkey</source>
        <translation>有两个预设用了同一个快捷键</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="176"/>
        <source>the file could not be read or written</source>
        <translation>文件无法读取或写入</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="177"/>
        <source>the show database could not store it</source>
        <translation>场次数据库没能保存</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="178"/>
        <source>no preset is on that key</source>
        <translation>这个快捷键上没有预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="179"/>
        <source>that preset no longer exists</source>
        <translation>这个预设已经不存在了</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="180"/>
        <source>a capture is already running</source>
        <translation>正在抓取中，请稍候</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="192"/>
        <source>Done; camera still moving…</source>
        <translation>已完成；摄像机仍在转动…</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="194"/>
        <source>Recalling… {0} waiting</source>
        <translation>正在调用… 还有 {0} 个在等待</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="197"/>
        <source>All done in {0} ms</source>
        <translation>全部完成，用时 {0} 毫秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/preset_messages.py" line="198"/>
        <source>Nothing to do</source>
        <translation>没有需要执行的内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="128"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="129"/>
        <source>Ca&amp;pture…</source>
        <translation>抓取当前状态(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="130"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="131"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="132"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="133"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="141"/>
        <source>Read the scene, camera, lights and mics as they are now into a preset</source>
        <translation>把当前的场景、机位、灯光和麦克风读成一个预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="149"/>
        <source>Presets list: recall</source>
        <translation>预设列表：调用</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="150"/>
        <source>Presets list: new preset</source>
        <translation>预设列表：新建预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="151"/>
        <source>Presets list: edit the preset</source>
        <translation>预设列表：编辑预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="152"/>
        <source>Presets list: delete the preset</source>
        <translation>预设列表：删除预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="193"/>
        <source>Recall preset “{0}”</source>
        <translation>调用预设“{0}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="195"/>
        <source>Recall a preset (no preset on this key yet)</source>
        <translation>调用预设（这个键还没有预设）</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="241"/>
        <source>Capture current state</source>
        <translation>抓取当前状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="244"/>
        <source>Name of the preset. The scene, camera, lights and mics are read as they are now; you check them before saving.</source>
        <translation>预设名称。会读取当前的场景、机位、灯光和麦克风，保存前你可以再检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="256"/>
        <source>Reading the room for “{0}”…</source>
        <translation>正在读取直播间当前状态，用于“{0}”…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="267"/>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="268"/>
        <source>Delete the preset “{0}”? Products and segments linked to it lose it.</source>
        <translation>删除预设“{0}”？关联了它的商品和流程环节将不再调用它。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="273"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="284"/>
        <source>Import presets</source>
        <translation>导入预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="290"/>
        <source>Export presets</source>
        <translation>导出预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="300"/>
        <source>LiveDesk presets (*.json)</source>
        <translation>LiveDesk 预设 (*.json)</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="306"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="311"/>
        <source>Exporting to {0}…</source>
        <translation>正在导出到 {0}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="426"/>
        <source>Imported 1 preset from {0}.</source>
        <translation>已从 {0} 导入 1 个预设。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="428"/>
        <source>Imported {0} presets from {1}.</source>
        <translation>已从 {1} 导入 {0} 个预设。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="434"/>
        <source>Exported to {0}.</source>
        <translation>已导出到 {0}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="358"/>
        <source>Saved “{0}”.</source>
        <translation>已保存“{0}”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="378"/>
        <source>No preset recalled yet.</source>
        <translation>还没有调用过预设。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="395"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="397"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="416"/>
        <source>Captured “{0}”; some parts could not be read.</source>
        <translation>已抓取“{0}”，有部分设备没读到。</translation>
    </message>
    <message>
        <location filename="../../console/ui/presets_panel.py" line="418"/>
        <source>Captured “{0}”: check it and press OK.</source>
        <translation>已抓取“{0}”：检查无误后点“确定”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/recall_steps.py" line="26"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/recall_steps.py" line="26"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/recall_steps.py" line="59"/>
        <source>done in {0} ms</source>
        <translation>完成，{0} 毫秒</translation>
    </message>
</context>
<context>
    <name>ProductTable</name>
    <message>
        <location filename="../../console/ui/dashboard_products.py" line="32"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_products.py" line="33"/>
        <source>On air</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_products.py" line="34"/>
        <source>GMV on air</source>
        <translation>讲解期间成交额</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_products.py" line="35"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_products.py" line="36"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_products.py" line="37"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
</context>
<context>
    <name>QueueExport</name>
    <message>
        <location filename="../../console/ui/queue_export.py" line="17"/>
        <source>Position</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="18"/>
        <source>Link number</source>
        <translation>链接号</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="19"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="20"/>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="21"/>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="22"/>
        <source>Stock left</source>
        <translation>剩余库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="23"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="24"/>
        <source>Explain windows</source>
        <translation>讲解次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="25"/>
        <source>Total explain time (mm:ss)</source>
        <translation>讲解总时长（分:秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="31"/>
        <source>Pending</source>
        <translation>待讲解</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="32"/>
        <source>Explaining</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="33"/>
        <source>Done</source>
        <translation>已讲解</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="34"/>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_export.py" line="35"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="151"/>
        <source>Link</source>
        <translation>链接号</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="152"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="153"/>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="154"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="155"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="158"/>
        <source>Pending</source>
        <translation>待讲解</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="159"/>
        <source>Explaining</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="160"/>
        <source>Done</source>
        <translation>已讲解</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="161"/>
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="162"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="164"/>
        <source>Low stock</source>
        <translation>库存告急</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="188"/>
        <source>Queue: start 讲解</source>
        <translation>商品队列：开始讲解</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="190"/>
        <source>Queue: next product</source>
        <translation>商品队列：下一个商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="191"/>
        <source>Queue: sold out</source>
        <translation>商品队列：标记售罄</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="192"/>
        <source>Queue: skip</source>
        <translation>商品队列：跳过</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="193"/>
        <source>Queue: to the top</source>
        <translation>商品队列：置顶</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="194"/>
        <source>Queue: stop 讲解</source>
        <translation>商品队列：停止讲解</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="203"/>
        <source>Queue: undo the last action</source>
        <translation>商品队列：撤销上一步</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="210"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="211"/>
        <source>countdown </source>
        <translation>倒计时 </translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="212"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="213"/>
        <source>sale </source>
        <translation>秒杀 </translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="215"/>
        <source>any quantity</source>
        <translation>不限数量</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="216"/>
        <source>quantity </source>
        <translation>数量 </translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="217"/>
        <source>Flash sale (F)</source>
        <translation>秒杀 (F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="220"/>
        <source>End sale (Shift+F)</source>
        <translation>结束秒杀 (Shift+F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="230"/>
        <source>Flash sale on the product being explained</source>
        <translation>对正在讲解的商品开始秒杀</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="234"/>
        <source>End the flash sale early</source>
        <translation>提前结束秒杀</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="255"/>
        <source>Flash sale starts in {0}</source>
        <translation>秒杀 {0} 后开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="257"/>
        <source>ON SALE — {0} left</source>
        <translation>秒杀中 — 剩余 {0}</translation>
    </message>
</context>
<context>
    <name>QuickEntry</name>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="43"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="47"/>
        <source>GMV ¥</source>
        <translation>成交金额 ¥</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="45"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="44"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="49"/>
        <source>e.g. 1.2万</source>
        <translation>如 1.2万</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="50"/>
        <source>e.g. 12.3万 or ¥8,000</source>
        <translation>如 12.3万 或 ¥8,000</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="51"/>
        <source>e.g. 356</source>
        <translation>如 356</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="66"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="68"/>
        <source>Enter records the filled fields; Esc clears</source>
        <translation>回车记录已填的数字；Esc 清空</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="87"/>
        <source>Quick entry: record the numbers typed</source>
        <translation>快速录入：记录输入的数字</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="88"/>
        <source>Quick entry: clear the fields</source>
        <translation>快速录入：清空</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="102"/>
        <source>No show is open: open one with Show ▸ Shows… first.</source>
        <translation>没有打开的场次：请先从 场次 ▸ 场次管理… 打开一场。</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="119"/>
        <source>Type the numbers the platform shows first.</source>
        <translation>请先输入平台上显示的数字。</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="135"/>
        <source>Not recorded: the show database could not store it. Please try again.</source>
        <translation>未记录：场次数据库无法保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="141"/>
        <source>Recorded {0}: {1}</source>
        <translation>已记录 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="146"/>
        <source>last: {0}</source>
        <translation>上次：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="160"/>
        <source>{0}: “{1}” is negative; the platform never shows that.</source>
        <translation>{0}：“{1}”是负数，平台不会显示负数。</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="164"/>
        <source>{0}: “{1}” is not a whole number.</source>
        <translation>{0}：“{1}”不是整数。</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="166"/>
        <source>{0}: “{1}” has more than two decimals (fen).</source>
        <translation>{0}：“{1}”超过两位小数（最小到分）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="168"/>
        <source>{0}: “{1}” is far beyond what a live room can have.</source>
        <translation>{0}：“{1}”远超直播间可能的数值。</translation>
    </message>
    <message>
        <location filename="../../console/ui/quick_entry.py" line="170"/>
        <source>{0}: “{1}” is not a number. Type it as the platform shows it, e.g. 12.3万, 123,456.78 or ¥8,000.</source>
        <translation>{0}：“{1}”不是数字。请按平台显示的样子输入，如 12.3万、123,456.78 或 ¥8,000。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../console/reports/charts.py" line="79"/>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="80"/>
        <source>GMV, running total (¥)</source>
        <translation>累计 GMV（¥）</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="81"/>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="82"/>
        <source>Comments and likes per minute</source>
        <translation>每分钟评论与点赞</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="88"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="89"/>
        <location filename="../../console/reports/html_report.py" line="152"/>
        <location filename="../../console/reports/html_report.py" line="291"/>
        <location filename="../../console/reports/html_report.py" line="310"/>
        <location filename="../../console/reports/html_report.py" line="346"/>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="90"/>
        <location filename="../../console/reports/html_report.py" line="153"/>
        <location filename="../../console/reports/html_report.py" line="292"/>
        <location filename="../../console/reports/html_report.py" line="311"/>
        <location filename="../../console/reports/html_report.py" line="347"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="91"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="92"/>
        <source>Likes (right axis)</source>
        <translation>点赞（右轴）</translation>
    </message>
    <message>
        <location filename="../../console/reports/charts.py" line="170"/>
        <source>No data</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="116"/>
        <source>Made with LiveDesk on {0}</source>
        <translation>由 LiveDesk 生成于 {0}</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="136"/>
        <source>Rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="139"/>
        <source>Show review</source>
        <translation>直播复盘</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="154"/>
        <source>Paying users</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="155"/>
        <source>Items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="156"/>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="157"/>
        <source>Viewers (cumulative)</source>
        <translation>场观（累计观看人数）</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="158"/>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="159"/>
        <location filename="../../console/reports/html_report.py" line="313"/>
        <source>GPM</source>
        <translation>GPM</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="160"/>
        <source>UV value</source>
        <translation>UV价值</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="161"/>
        <source>Watch-to-pay conversion</source>
        <translation>看播成交转化率</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="162"/>
        <source>Interaction rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="163"/>
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="174"/>
        <source>Show totals</source>
        <translation>整场数据</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="193"/>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="199"/>
        <source>Product explained</source>
        <translation>讲解商品</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="200"/>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="201"/>
        <source>Mic muted</source>
        <translation>麦克风静音</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="202"/>
        <source>Segment start</source>
        <translation>环节开始</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="203"/>
        <source>Scene change</source>
        <translation>切换场景</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="204"/>
        <location filename="../../console/reports/report_text.py" line="36"/>
        <source>Dropped frames</source>
        <translation>掉帧</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="205"/>
        <location filename="../../console/reports/html_report.py" line="403"/>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="206"/>
        <location filename="../../console/reports/report_text.py" line="34"/>
        <source>OBS disconnected</source>
        <translation>OBS 断开连接</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="277"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="279"/>
        <source>The show&apos;s queue was empty.</source>
        <translation>本场商品队列为空。</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="282"/>
        <source>While explained</source>
        <translation>讲解期间</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="283"/>
        <location filename="../../console/reports/html_report.py" line="337"/>
        <source>In the {0} min after</source>
        <translation>结束后 {0} 分钟内</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="287"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="288"/>
        <source>Explains</source>
        <translation>讲解次数</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="289"/>
        <source>On air</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="293"/>
        <source>Stock left</source>
        <translation>剩余库存</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="312"/>
        <source>Conv.</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="331"/>
        <source>Rundown: planned and actual</source>
        <translation>流程：计划与实际</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="333"/>
        <source>The show had no rundown.</source>
        <translation>本场没有直播流程。</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="336"/>
        <source>During the segment</source>
        <translation>环节期间</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="340"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="341"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="342"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="343"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="344"/>
        <source>+/− plan</source>
        <translation>超/省</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="356"/>
        <source>Not run</source>
        <translation>未进行</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="372"/>
        <source>Incidents</source>
        <translation>异常事件</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="374"/>
        <source>No incidents recorded.</source>
        <translation>没有记录到异常。</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="376"/>
        <location filename="../../console/reports/html_report.py" line="428"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="377"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="378"/>
        <location filename="../../console/reports/html_report.py" line="404"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="379"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="398"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="400"/>
        <source>No alerts were raised.</source>
        <translation>没有触发告警。</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="402"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="405"/>
        <source>Cleared</source>
        <translation>解除时间</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="415"/>
        <source>not cleared</source>
        <translation>未解除</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="425"/>
        <source>Cues to the host</source>
        <translation>给主播的提示</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="427"/>
        <source>No cues were sent.</source>
        <translation>没有发送提示。</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="428"/>
        <source>Cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="429"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="442"/>
        <source>Notes</source>
        <translation>复盘结论</translation>
    </message>
    <message>
        <location filename="../../console/reports/html_report.py" line="445"/>
        <source>No notes yet.</source>
        <translation>暂无备注。</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="35"/>
        <source>Device error</source>
        <translation>设备错误</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="37"/>
        <source>Mic muted while live</source>
        <translation>直播中麦克风静音</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="38"/>
        <source>Stream stopped</source>
        <translation>推流中断</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="47"/>
        <source>{0}% of the frames over {1} s</source>
        <translation>{1} 秒内掉帧 {0}%</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="166"/>
        <source>Showing</source>
        <translation>显示中</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="167"/>
        <source>Acknowledged</source>
        <translation>主播已确认</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="168"/>
        <source>Not acknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="173"/>
        <source>not over</source>
        <translation>未结束</translation>
    </message>
</context>
<context>
    <name>ReviewMenu</name>
    <message>
        <location filename="../../console/ui/review_install.py" line="29"/>
        <source>Review (复盘)…</source>
        <translation>复盘…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_install.py" line="31"/>
        <source>Compare two shows…</source>
        <translation>两场对比…</translation>
    </message>
</context>
<context>
    <name>ReviewTables</name>
    <message>
        <location filename="../../console/ui/review_tables.py" line="146"/>
        <source>{0} pp</source>
        <translation>{0} 个百分点</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="188"/>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="189"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="190"/>
        <source>Viewers (场观)</source>
        <translation>场观</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="191"/>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="192"/>
        <source>Paying users</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="193"/>
        <source>Items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="194"/>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="195"/>
        <source>GPM</source>
        <translation>GPM</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="196"/>
        <source>UV value</source>
        <translation>UV价值</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="197"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="200"/>
        <source>Interaction rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="204"/>
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="213"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="214"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="215"/>
        <source>Explains</source>
        <translation>讲解次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="216"/>
        <source>On air</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="217"/>
        <location filename="../../console/ui/review_tables.py" line="268"/>
        <source>GMV
during</source>
        <translation>期间
GMV</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="218"/>
        <location filename="../../console/ui/review_tables.py" line="269"/>
        <source>Orders
during</source>
        <translation>期间
订单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="219"/>
        <location filename="../../console/ui/review_tables.py" line="270"/>
        <source>Conversion
during</source>
        <translation>期间
转化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="220"/>
        <source>GPM
during</source>
        <translation>期间
GPM</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="221"/>
        <location filename="../../console/ui/review_tables.py" line="271"/>
        <source>GMV
after</source>
        <translation>结束后
GMV</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="222"/>
        <location filename="../../console/ui/review_tables.py" line="272"/>
        <source>Orders
after</source>
        <translation>结束后
订单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="223"/>
        <source>Conversion
after</source>
        <translation>结束后
转化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="224"/>
        <source>GPM
after</source>
        <translation>结束后
GPM</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="225"/>
        <source>Stock
left</source>
        <translation>剩余
库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="263"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="264"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="265"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="266"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="267"/>
        <source>Over /
under</source>
        <translation>超时 /
提前</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="285"/>
        <source>+{0} over</source>
        <translation>超时 +{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="287"/>
        <source>−{0} under</source>
        <translation>提前 −{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="288"/>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="314"/>
        <source>Assistant</source>
        <translation>助播</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="315"/>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="321"/>
        <location filename="../../console/ui/review_tables.py" line="365"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="322"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="323"/>
        <source>How long</source>
        <translation>持续时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="324"/>
        <location filename="../../console/ui/review_tables.py" line="345"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="342"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="343"/>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="344"/>
        <source>Cleared</source>
        <translation>解除时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="356"/>
        <source>not cleared</source>
        <translation>未解除</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="366"/>
        <source>From</source>
        <translation>发送方</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="367"/>
        <source>Cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_tables.py" line="368"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../console/ui/review_window.py" line="232"/>
        <source>Review (复盘)</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="250"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="252"/>
        <source>Sales in this many minutes after an explain window or segment count as its</source>
        <translation>讲解或环节结束后这么多分钟内的成交，也计入该讲解或环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="257"/>
        <source>Export &amp;HTML…</source>
        <translation>导出 &amp;HTML…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="258"/>
        <source>Export &amp;PDF…</source>
        <translation>导出 &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="259"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="262"/>
        <source>&amp;Show:</source>
        <translation>场次(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="265"/>
        <source>Sales &amp;after a window:</source>
        <translation>结束后成交计入(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="296"/>
        <source>The team&apos;s conclusions: what worked, what to change next time…</source>
        <translation>团队复盘结论：哪些做得好，下次要改什么…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="301"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="324"/>
        <source>Products ({0})</source>
        <translation>商品（{0}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="325"/>
        <source>Segments ({0})</source>
        <translation>环节（{0}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="326"/>
        <source>Incidents ({0})</source>
        <translation>异常（{0}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="327"/>
        <source>Alerts ({0})</source>
        <translation>告警（{0}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="328"/>
        <source>Cues ({0})</source>
        <translation>提示（{0}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="338"/>
        <source>Could not read the list of shows.</source>
        <translation>无法读取场次列表。</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="345"/>
        <source>{0} (rehearsal)</source>
        <translation>{0}（彩排）</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="347"/>
        <source>{0} (archived)</source>
        <translation>{0}（已归档）</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="350"/>
        <source>There is no show to review yet.</source>
        <translation>还没有可复盘的场次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="381"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="416"/>
        <source>This show is not in the database any more.</source>
        <translation>该场次已不在数据库中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="419"/>
        <source>Could not load the review: {0}</source>
        <translation>无法加载复盘：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="425"/>
        <source>{0} – {1}</source>
        <translation>{0} – {1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="435"/>
        <source>{0} long</source>
        <translation>时长 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="439"/>
        <source>Review (复盘) — {0}</source>
        <translation>复盘 — {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="452"/>
        <source>Not saved yet…</source>
        <translation>尚未保存…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="471"/>
        <source>Could not save the notes: {0}</source>
        <translation>无法保存笔记：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="474"/>
        <source>Saved at {0}</source>
        <translation>已于 {0} 保存</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="486"/>
        <source>Export the samples and events (CSV) into</source>
        <translation>将数据采样和事件（CSV）导出到</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="489"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="489"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="491"/>
        <source>Export the review</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="500"/>
        <source>{0} {1} review</source>
        <translation>{0} {1} 复盘</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="508"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="527"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="528"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="535"/>
        <source>The export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
</context>
<context>
    <name>RoomLooks</name>
    <message>
        <location filename="../../console/ui/room_looks.py" line="26"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/room_looks.py" line="55"/>
        <source>Preset “{0}”: {1}</source>
        <translation>预设“{0}”：{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/room_looks.py" line="77"/>
        <source>Preset for 讲解</source>
        <translation>讲解时调用的预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/room_looks.py" line="79"/>
        <source>No preset</source>
        <translation>不调用预设</translation>
    </message>
</context>
<context>
    <name>RunOfShow</name>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="52"/>
        <source>Rundown</source>
        <translation>直播流程</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="55"/>
        <location filename="../../console/ui/run_of_show.py" line="91"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="63"/>
        <source>Cues to the host</source>
        <translation>主播提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="66"/>
        <location filename="../../console/ui/run_of_show.py" line="106"/>
        <source>Host view</source>
        <translation>主播屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="93"/>
        <source>{title} ({count} failing)</source>
        <translation>{title}（{count} 项异常）</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="107"/>
        <source>Show the host view</source>
        <translation>显示主播屏</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="111"/>
        <source>Full screen on and off</source>
        <translation>全屏开/关</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="114"/>
        <source>On screen</source>
        <translation>显示到屏幕</translation>
    </message>
    <message>
        <location filename="../../console/ui/run_of_show.py" line="116"/>
        <source>In the console (one monitor)</source>
        <translation>嵌在中控台中（单显示器）</translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="218"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="219"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="220"/>
        <source>Links</source>
        <translation>链接号</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="221"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="222"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="223"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="224"/>
        <source>+/−</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="226"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="271"/>
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="293"/>
        <source>Start</source>
        <comment>run a segment</comment>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="294"/>
        <source>Previous</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="295"/>
        <source>Next</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="296"/>
        <source>Stop…</source>
        <translation>停止…</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="299"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="300"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="301"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="302"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="303"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="317"/>
        <source>Reset the rehearsal</source>
        <translation>重置彩排</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="335"/>
        <source>Rundown: start the chosen segment (or the next one)</source>
        <translation>流程：开始所选环节（或下一环节）</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="340"/>
        <source>Rundown: next segment</source>
        <translation>流程：下一环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="345"/>
        <source>Rundown: back to the previous segment</source>
        <translation>流程：回到上一环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="351"/>
        <source>Rundown list: add a segment</source>
        <translation>流程列表：添加环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="352"/>
        <source>Rundown list: edit the segment</source>
        <translation>流程列表：编辑环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="356"/>
        <source>Rundown list: duplicate the segment</source>
        <translation>流程列表：复制环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="361"/>
        <source>Rundown list: remove the segment</source>
        <translation>流程列表：删除环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="363"/>
        <source>Rundown list: move the segment up</source>
        <translation>流程列表：环节上移</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="367"/>
        <source>Rundown list: move the segment down</source>
        <translation>流程列表：环节下移</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="425"/>
        <source>Stop the segment</source>
        <translation>停止环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="426"/>
        <source>Stop “{0}”?</source>
        <translation>停止“{0}”？</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="430"/>
        <source>The show&apos;s clock runs on; Start or Next goes on with the next segment.</source>
        <translation>整场计时继续；按开始或下一环节继续下一个环节。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="432"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="481"/>
        <location filename="../../console/ui/rundown_panel.py" line="558"/>
        <source>Import a rundown</source>
        <translation>导入流程</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="481"/>
        <source>Rundown (*.csv *.xlsx)</source>
        <translation>流程文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="506"/>
        <source>Not running</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="512"/>
        <source>Next: {0}</source>
        <translation>下一环节：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="515"/>
        <source>{0} behind the plan</source>
        <translation>落后计划 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="517"/>
        <source>{0} ahead of the plan</source>
        <translation>领先计划 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="519"/>
        <source>on plan</source>
        <translation>与计划一致</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="521"/>
        <source>Show {0} · {1}</source>
        <translation>本场 {0} · {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../console/ui/rundown_panel.py" line="553"/>
        <source>Imported %n segment(s).</source>
        <translation>
            <numerusform>已导入 %n 个环节。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="555"/>
        <source>Nothing imported: the file has mistakes.</source>
        <translation>未导入：文件有错误。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="559"/>
        <source>Nothing was imported. Correct these lines and import again:</source>
        <translation>未导入任何内容。请改正以下各行后重新导入：</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="567"/>
        <source>no segment column (such as 环节 or title)</source>
        <translation>缺少环节列（如“环节”或 title）</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="568"/>
        <source>no duration column (such as 时长 or duration)</source>
        <translation>缺少时长列（如“时长”或 duration）</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="569"/>
        <source>the column {0} repeats another one; keep one</source>
        <translation>列 {0} 与另一列重复，请只保留一列</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="570"/>
        <source>no segment title</source>
        <translation>没有环节名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="571"/>
        <source>“{0}” is not a duration (write 5, 5分钟, 5:00 or 90秒)</source>
        <translation>“{0}”不是时长（可写 5、5分钟、5:00 或 90秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="572"/>
        <source>link number {0} is not in this show&apos;s queue</source>
        <translation>链接号 {0} 不在本场商品队列中</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="575"/>
        <source>line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="579"/>
        <source>Open a show first.</source>
        <translation>请先打开场次。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="581"/>
        <source>The rundown has no segments yet: add one (Insert) or import a file.</source>
        <translation>流程还没有环节：请添加（Insert）或导入文件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="583"/>
        <source>Every segment has been played.</source>
        <translation>所有环节都已进行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="584"/>
        <source>That segment has been played already.</source>
        <translation>该环节已进行过。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="585"/>
        <source>No segment is running.</source>
        <translation>没有正在进行的环节。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="586"/>
        <source>No segment has been played yet.</source>
        <translation>还没有进行过任何环节。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="587"/>
        <source>Stop the running segment first.</source>
        <translation>请先停止正在进行的环节。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="589"/>
        <source>A played segment stays: it is the show&apos;s planned-vs-actual record.</source>
        <translation>已进行的环节不能删除：它是本场计划与实际的记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="591"/>
        <source>Only a rehearsal&apos;s times can be reset.</source>
        <translation>只有彩排的时间可以重置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="592"/>
        <source>Give the segment a title.</source>
        <translation>请填写环节名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="593"/>
        <source>A segment lasts from 1 second to 12 hours.</source>
        <translation>环节时长须在 1 秒到 12 小时之间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="594"/>
        <source>That segment is no longer in the rundown.</source>
        <translation>该环节已不在流程中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="595"/>
        <source>Could not save to the show database (see the log).</source>
        <translation>无法保存到场次数据库（见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="596"/>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="597"/>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="598"/>
        <source>The file has a header row but no segments.</source>
        <translation>文件只有表头，没有环节。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="599"/>
        <source>A quotation mark in the file is not closed.</source>
        <translation>文件中有未闭合的引号。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="600"/>
        <source>Save the file as CSV UTF-8 and import it again.</source>
        <translation>请将文件另存为 CSV UTF-8 后重新导入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="601"/>
        <source>Not done ({0}).</source>
        <translation>未完成（{0}）。</translation>
    </message>
</context>
<context>
    <name>ScenesPanel</name>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="31"/>
        <source>Studio mode</source>
        <translation>工作室模式</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="33"/>
        <source>Take</source>
        <translation>切换 (Take)</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="36"/>
        <source>Send the preview scene to program (or press its button again)</source>
        <translation>将预览场景切到节目（或再次点击该场景按钮）</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenes_panel.py" line="54"/>
        <source>Transition</source>
        <translation>转场</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="69"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="71"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="72"/>
        <source>On-stream overlay</source>
        <translation>直播画面字幕</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="82"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="84"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="88"/>
        <source>Stats API</source>
        <translation>数据 API</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="118"/>
        <source>As the system (default)</source>
        <translation>跟随系统（默认）</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="125"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="127"/>
        <source>Show database</source>
        <translation>场次数据库</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="128"/>
        <source>Log files</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="137"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="149"/>
        <source>The new language shows when LiveDesk is next started.</source>
        <translation>新语言将在下次启动 LiveDesk 时生效。</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="156"/>
        <source>Keep OBS text sources showing the product being explained</source>
        <translation>让 OBS 文本源始终显示正在讲解的商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="160"/>
        <source>The program scene at the time</source>
        <translation>当时的节目场景</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="169"/>
        <source>Product name source</source>
        <translation>商品名文本源</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="170"/>
        <source>Live price source</source>
        <translation>直播价文本源</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="171"/>
        <source>Selling point source</source>
        <translation>卖点文本源</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="172"/>
        <source>Flash-sale countdown source</source>
        <translation>秒杀倒计时文本源</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="176"/>
        <source>Create missing sources in</source>
        <translation>缺少的文本源建在</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="185"/>
        <source>LiveDesk creates a text source that OBS does not have. After a rename, the sources under the old names stay in OBS unchanged; delete them there if they are no longer wanted.</source>
        <translation>OBS 中没有的文本源由 LiveDesk 自动创建。改名后，旧名称的文本源仍留在 OBS 中且不再更新；不需要的话请在 OBS 里删除。</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="200"/>
        <source>Every overlay source needs a name.</source>
        <translation>每个字幕文本源都需要名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="202"/>
        <source>Two overlay texts cannot share one source: give each its own name.</source>
        <translation>两项字幕不能共用一个文本源：请分别命名。</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="204"/>
        <source>Fix the problems marked on the Devices tab to save.</source>
        <translation>请先修正“设备”页中标出的问题，才能保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/settings_dialog.py" line="227"/>
        <source>The settings could not be saved: {0}</source>
        <translation>设置未能保存：{0}</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <location filename="../../console/ui/shortcuts_help.py" line="28"/>
        <source>Switch to scene 1 … 9</source>
        <translation>切换到第 1 … 9 个场景</translation>
    </message>
    <message>
        <location filename="../../console/ui/shortcuts_help.py" line="29"/>
        <source>Queue: choose a product</source>
        <translation>商品队列：选择商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/shortcuts_help.py" line="30"/>
        <source>Edit the selected cell (price, stock, segment)</source>
        <translation>编辑所选单元格（价格、库存、环节）</translation>
    </message>
    <message>
        <location filename="../../console/ui/shortcuts_help.py" line="52"/>
        <source>Show or hide this list</source>
        <translation>显示或隐藏此列表</translation>
    </message>
    <message>
        <location filename="../../console/ui/shortcuts_help.py" line="61"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>ShowFormDialog</name>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="55"/>
        <source>New show</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="56"/>
        <source>Duplicate “{0}”</source>
        <translation>复制场次“{0}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="57"/>
        <source>Rename “{0}”</source>
        <translation>重命名场次“{0}”</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="68"/>
        <source>Rehearsal (彩排): its figures stay out of the results</source>
        <translation>彩排：数据不计入正式结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="73"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="77"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="83"/>
        <source>The copy gets this show&apos;s products in the same order, each one pending, with its live price and stock. What happened in the show (讲解 times, offers) stays with it.</source>
        <translation>副本包含此场次的全部商品，顺序不变，均为待讲解状态，并保留直播价和库存。此场次中已发生的内容（讲解时段、优惠活动）不会复制。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="93"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="94"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="95"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="129"/>
        <source>{0} (copy)</source>
        <translation>{0}（副本）</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="132"/>
        <source>Planned time</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="143"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_form_dialog.py" line="144"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>ShowMenu</name>
    <message>
        <location filename="../../console/ui/show_menu.py" line="43"/>
        <source>Shows…</source>
        <translation>场次管理…</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_menu.py" line="46"/>
        <source>Add products to the queue…</source>
        <translation>添加商品到队列…</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_menu.py" line="105"/>
        <source>{0} (rehearsal)</source>
        <translation>{0}（彩排）</translation>
    </message>
</context>
<context>
    <name>ShowMessages</name>
    <message>
        <location filename="../../console/reports/report_text.py" line="23"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="24"/>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="25"/>
        <source>Taobao Live</source>
        <translation>淘宝直播</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="26"/>
        <source>WeChat Channels</source>
        <translation>视频号</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="27"/>
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../console/reports/report_text.py" line="28"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="26"/>
        <source>Give the show a title.</source>
        <translation>请填写场次标题。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="27"/>
        <source>Choose the platform from the list.</source>
        <translation>请从列表中选择平台。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="28"/>
        <source>The planned time is not a valid date and time.</source>
        <translation>计划时间不是有效的日期和时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="29"/>
        <source>The planned time has no time zone, so it could be read two ways.</source>
        <translation>计划时间缺少时区，可能被误读为另一个时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="32"/>
        <source>The planned end must be after the planned start.</source>
        <translation>计划结束时间必须晚于计划开始时间。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="35"/>
        <source>This show is no longer in the database. The list was reloaded.</source>
        <translation>该场次已不在数据库中，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="38"/>
        <source>Could not read or write the show database (see the log).</source>
        <translation>无法读写场次数据库（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/show_messages.py" line="42"/>
        <source>Not done ({0}).</source>
        <translation>未完成（{0}）。</translation>
    </message>
</context>
<context>
    <name>ShowsDialog</name>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="65"/>
        <source>Shows</source>
        <translation>场次管理</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="68"/>
        <source>S&amp;how archived shows</source>
        <translation>显示已归档场次(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="70"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="71"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="72"/>
        <source>&amp;Duplicate…</source>
        <translation>复制(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="73"/>
        <location filename="../../console/ui/shows_dialog.py" line="292"/>
        <source>Un&amp;archive</source>
        <translation>取消归档(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="76"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="102"/>
        <source>Show database:</source>
        <translation>场次数据库：</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="186"/>
        <source>“{0}” is archived.</source>
        <translation>“{0}”已归档。</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="215"/>
        <source>Archive the open show?</source>
        <translation>归档当前打开的场次？</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="217"/>
        <source>“{0}” is open in the console now. Archive it?</source>
        <translation>“{0}”当前在中控台中打开。要归档吗？</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="220"/>
        <source>Its queue stays in the database. To find the show again, tick “Show archived shows” in this window.</source>
        <translation>它的商品队列仍保存在数据库中。要再次找到该场次，请在本窗口勾选“显示已归档场次”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="224"/>
        <location filename="../../console/ui/shows_dialog.py" line="292"/>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="266"/>
        <location filename="../../console/ui/shows_dialog.py" line="310"/>
        <source>Rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="267"/>
        <location filename="../../console/ui/shows_dialog.py" line="311"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="273"/>
        <source>Open in the console now</source>
        <translation>当前在中控台中打开</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="306"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="307"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="308"/>
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/shows_dialog.py" line="309"/>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
</context>
<context>
    <name>StatCards</name>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="70"/>
        <source>Online now</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="71"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="72"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="73"/>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="74"/>
        <source>GPM</source>
        <translation>千次观看成交额 GPM</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="110"/>
        <source>{0} pp</source>
        <translation>{0} 个百分点</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="113"/>
        <source>{0} in {1} min</source>
        <translation>近{1}分钟 {0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="117"/>
        <source>No target set</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <location filename="../../console/ui/dashboard_cards.py" line="122"/>
        <source>Target {0} · {1}</source>
        <translation>目标 {0} · {1}</translation>
    </message>
</context>
<context>
    <name>StatsImportDialog</name>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="86"/>
        <location filename="../../console/ui/stats_import_dialog.py" line="155"/>
        <source>Import platform stats</source>
        <translation>导入平台数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="95"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="99"/>
        <location filename="../../console/ui/stats_import_dialog.py" line="236"/>
        <source>No show is open: open one with Show ▸ Shows… first.</source>
        <translation>没有打开的场次：请先在“场次 ▸ 场次管理…”中打开一个。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="104"/>
        <source>Choose the platform&apos;s export (.csv or .xlsx) of the room&apos;s figures over time. Headers may be Chinese or English (时间 / time, 在线人数 / online, 成交金额 / GMV …); check below how each column is imported.</source>
        <translation>请选择平台导出的直播间分时数据（.csv 或 .xlsx）。表头可以是中文或英文（时间 / time、在线人数 / online、成交金额 / GMV …）；请在下方确认每一列的导入方式。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="108"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="111"/>
        <source>Into show: {title}</source>
        <translation>导入到场次：{title}</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="116"/>
        <source>Times without a date are on</source>
        <translation>无日期的时间记为</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="134"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="134"/>
        <source>First figure</source>
        <translation>首个数值</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="134"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="142"/>
        <source>Rows with problems, skipped (line numbers as in the file)</source>
        <translation>有问题的行（已跳过，行号与文件一致）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="156"/>
        <source>Stats exports (*.csv *.xlsx);;All files (*)</source>
        <translation>数据导出文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="169"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="188"/>
        <source>Nothing imported: {reason}.</source>
        <translation>未导入任何数据：{reason}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="228"/>
        <source>Nothing can be imported yet: {problem}. Change how the columns are imported above, or fix the file.</source>
        <translation>暂时无法导入：{problem}。请在上方修改各列的导入方式，或修正文件。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="234"/>
        <source>No row of this file can be imported.</source>
        <translation>该文件没有可导入的行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="241"/>
        <source>The rows with problems are skipped; the others are imported. Nothing is written until you press Import.</source>
        <translation>有问题的行将被跳过，其余行会导入。点击“导入”前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="247"/>
        <source>Ready to import. Nothing is written until you press Import.</source>
        <translation>可以导入了。点击“导入”前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="253"/>
        <source>{file}: {ok} rows ready, {bad} with problems (skipped)</source>
        <translation>{file}：{ok} 行可导入，{bad} 行有问题（已跳过）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="260"/>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="271"/>
        <location filename="../../console/ui/stats_import_dialog.py" line="317"/>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="338"/>
        <source>Importing {count} rows…</source>
        <translation>正在导入 {count} 行…</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="345"/>
        <source>Imported {rows} rows ({readings} readings) into {show}.</source>
        <translation>已将 {rows} 行（{readings} 个数据点）导入到 {show}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="350"/>
        <source>{count} readings replaced those of an earlier import at the same times, so nothing counts twice.</source>
        <translation>有 {count} 个数据点替换了之前在相同时间导入的数据，不会重复计算。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="361"/>
        <source>The database refused the import ({error}); nothing was written.</source>
        <translation>数据库拒绝了本次导入（{error}），未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="407"/>
        <source>Import platform stats…</source>
        <translation>导入平台数据…</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_dialog.py" line="426"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
</context>
<context>
    <name>StatsImportMessages</name>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="17"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="18"/>
        <source>online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="19"/>
        <source>average watch time</source>
        <translation>人均观看时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="20"/>
        <source>entries</source>
        <translation>进入直播间人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="21"/>
        <source>leaves</source>
        <translation>离开直播间人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="22"/>
        <source>cumulative viewers (场观)</source>
        <translation>累计观看人数（场观）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="23"/>
        <source>GMV (yuan)</source>
        <translation>成交金额（元）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="24"/>
        <source>orders</source>
        <translation>成交订单数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="25"/>
        <source>paying users</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="26"/>
        <source>items sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="27"/>
        <source>new followers</source>
        <translation>新增粉丝数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="28"/>
        <source>fan club joins</source>
        <translation>新加粉丝团人数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="29"/>
        <source>interactions</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="36"/>
        <location filename="../../console/ui/stats_import_messages.py" line="52"/>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="39"/>
        <source>{metric}, total so far</source>
        <translation>{metric}（累计值）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="41"/>
        <source>{metric}, per row (added up)</source>
        <translation>{metric}（每行增量，累加）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="49"/>
        <source>not imported: LiveDesk keeps no such count</source>
        <translation>不导入：LiveDesk 不记录该数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="50"/>
        <source>not imported: LiveDesk computes it</source>
        <translation>不导入：由 LiveDesk 自行计算</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="51"/>
        <source>not imported: {other} has that meaning</source>
        <translation>不导入：与 {other} 含义相同</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="53"/>
        <source>not imported: unknown column</source>
        <translation>不导入：无法识别的列</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="60"/>
        <source>no time column (such as 时间 or time); an Excel file is read from its first sheet</source>
        <translation>缺少时间列（如“时间”或 time）；Excel 文件只读取第一个工作表</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="64"/>
        <source>no column LiveDesk imports (such as 在线人数, 成交金额 or 成交订单数)</source>
        <translation>没有 LiveDesk 可导入的列（如“在线人数”“成交金额”或“成交订单数”）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="68"/>
        <source>the columns {value} and {column} are both imported as one figure</source>
        <translation>{value} 和 {column} 两列被导入为同一项数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="72"/>
        <source>the file has {value} rows, more than LiveDesk imports at once</source>
        <translation>文件有 {value} 行，超过 LiveDesk 单次导入上限</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="75"/>
        <source>no time</source>
        <translation>缺少时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="76"/>
        <source>{column} is not a time LiveDesk reads</source>
        <translation>{column} 不是 LiveDesk 能识别的时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="77"/>
        <source>{column} is not a number</source>
        <translation>{column} 不是数字</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="78"/>
        <source>{column} is negative</source>
        <translation>{column} 为负数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="79"/>
        <source>{column} is not a whole number</source>
        <translation>{column} 不是整数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="80"/>
        <source>{column} has more than two decimals</source>
        <translation>{column} 超过两位小数</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="81"/>
        <source>{column} is far beyond a real figure</source>
        <translation>{column} 远超合理范围</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="82"/>
        <source>{column} is too long to be a figure</source>
        <translation>{column} 过长，不是有效数值</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="83"/>
        <source>{column} is empty</source>
        <translation>{column} 为空</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="84"/>
        <source>the file&apos;s own totals (合计), not a reading: left out</source>
        <translation>文件自带的合计行，并非数据点：已略过</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="87"/>
        <source>a time but no figures</source>
        <translation>有时间但没有数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="88"/>
        <source>the same time as line {value}: only the first is imported</source>
        <translation>与第 {value} 行时间相同：只导入第一行</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="91"/>
        <source>more cells than columns (a comma inside an unquoted value?)</source>
        <translation>单元格数多于列数（是否有未加引号的值中含逗号？）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="94"/>
        <source>{column} is added up row by row and this row is skipped, so its totals from here on are unknown and are not imported</source>
        <translation>{column} 按行累加，而此行被跳过，因此此后的累计值无法确定，不予导入</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="101"/>
        <source>the cell</source>
        <translation>该单元格</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_import_messages.py" line="118"/>
        <source>the file has a header row but no figures</source>
        <translation>文件只有表头，没有数据</translation>
    </message>
</context>
<context>
    <name>StatsInputs</name>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="25"/>
        <source>Quick entry</source>
        <translation>快速录入</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="36"/>
        <source>Type the platform&apos;s numbers</source>
        <translation>录入平台数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="40"/>
        <source>Run the rehearsal simulator</source>
        <translation>运行彩排模拟器</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="45"/>
        <source>SIMULATED NUMBERS</source>
        <translation>模拟数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="47"/>
        <source>The rehearsal simulator is making up the room&apos;s numbers</source>
        <translation>彩排模拟器正在生成直播间数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="66"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="85"/>
        <source>Rehearsal simulator on</source>
        <translation>彩排模拟器已开启</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="85"/>
        <source>Rehearsal simulator off</source>
        <translation>彩排模拟器已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="90"/>
        <source>Only for a rehearsal show: it never makes up numbers for a real show.</source>
        <translation>仅用于彩排场次：绝不为正式场次生成数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="96"/>
        <source>No show is open: the simulator has nothing to run for.</source>
        <translation>没有打开的场次：模拟器无从运行。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="98"/>
        <source>The simulator runs only for a rehearsal show: it never makes up numbers for a real show.</source>
        <translation>模拟器只为彩排场次运行：绝不为正式场次生成数据。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stats_inputs.py" line="101"/>
        <source>The simulator stopped: its numbers could not be stored.</source>
        <translation>模拟器已停止：其数据无法保存。</translation>
    </message>
</context>
<context>
    <name>_Charts</name>
    <message>
        <location filename="../../console/ui/review_window.py" line="146"/>
        <source>Alert {0} at {1}</source>
        <translation>{1} 提醒：{0}</translation>
    </message>
    <message>
        <location filename="../../console/ui/review_window.py" line="150"/>
        <source>OBS disconnected at {0}</source>
        <translation>{0} OBS 断开连接</translation>
    </message>
</context>
<context>
    <name>_EditCuesDialog</name>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="103"/>
        <source>Edit canned cues</source>
        <translation>编辑常用提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="109"/>
        <source>Restore the built-in cues</source>
        <translation>恢复默认提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="119"/>
        <source>One cue per line, at most {0} cues of {1} characters.</source>
        <translation>每行一条提示，最多 {0} 条，每条不超过 {1} 个字。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="141"/>
        <source>Keep at least one cue.</source>
        <translation>至少保留一条提示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="143"/>
        <source>At most {0} cues.</source>
        <translation>最多 {0} 条提示。</translation>
    </message>
    <message>
        <location filename="../../console/ui/cues_panel.py" line="145"/>
        <source>A cue is longer than {0} characters.</source>
        <translation>有提示超过 {0} 个字。</translation>
    </message>
</context>
<context>
    <name>_ItemDialog</name>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="39"/>
        <source>Checklist item</source>
        <translation>清单项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="41"/>
        <source>New checklist item</source>
        <translation>新清单项</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="49"/>
        <source>Required before going live</source>
        <translation>开播前必做</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="60"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="61"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="63"/>
        <source>Self-check</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="84"/>
        <source>Scene collection this show needs</source>
        <translation>本场需要的场景集合</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="85"/>
        <source>Profile this show needs</source>
        <translation>本场需要的配置文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="118"/>
        <source>Pick one of OBS&apos;s names or type one</source>
        <translation>从 OBS 的名称中选择，或直接输入</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="86"/>
        <source>Server must contain (empty: any)</source>
        <translation>推流地址须包含（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="87"/>
        <source>Audio input (empty: the host&apos;s mic)</source>
        <translation>音频输入（留空：主播麦克风）</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="88"/>
        <source>Heard within (s)</source>
        <translation>多少秒内有声音</translation>
    </message>
    <message>
        <location filename="../../console/ui/checklist_item_dialog.py" line="89"/>
        <source>At least free (GB)</source>
        <translation>至少剩余（GB）</translation>
    </message>
</context>
<context>
    <name>_OverrideDialog</name>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="31"/>
        <source>Required items still open</source>
        <translation>还有必做项未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="33"/>
        <source>{count} required items before going live are not done:</source>
        <translation>开播前还有 {count} 个必做项未完成：</translation>
    </message>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="45"/>
        <source>your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="47"/>
        <source>e.g. lights checked by hand, their controller is off</source>
        <translation>例如：灯光已人工确认，控制器离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="49"/>
        <source>Who goes live anyway</source>
        <translation>谁决定仍然开播</translation>
    </message>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="50"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/go_live_gate.py" line="53"/>
        <source>Go live anyway</source>
        <translation>仍然开播</translation>
    </message>
</context>
<context>
    <name>_SegmentDialog</name>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="148"/>
        <source>Edit segment</source>
        <translation>编辑环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="148"/>
        <source>New segment</source>
        <translation>新环节</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="151"/>
        <source>5, 5分钟, 5:00 or 90秒</source>
        <translation>5、5分钟、5:00 或 90秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="164"/>
        <source>No preset</source>
        <translation>不调用预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="179"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="180"/>
        <source>Planned duration</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="181"/>
        <source>Script (话术)</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="182"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="183"/>
        <source>Preset at the start</source>
        <translation>开始时调用的预设</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="191"/>
        <source>Give the segment a title.</source>
        <translation>请填写环节名称。</translation>
    </message>
    <message>
        <location filename="../../console/ui/rundown_panel.py" line="193"/>
        <source>Write the duration as 5, 5分钟, 5:00 or 90秒.</source>
        <translation>时长可写作 5、5分钟、5:00 或 90秒。</translation>
    </message>
</context>
</TS>
