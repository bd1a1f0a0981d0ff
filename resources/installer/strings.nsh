; LiveDesk installer: every text of our own, in English and in Simplified Chinese.
; UTF-8 without BOM; livedesk.nsi includes it with /CHARSET=UTF8 (makensis on Windows would
; otherwise read it in the system's ANSI code page) after the MUI_LANGUAGE macros.
; tests/integration/test_installer_script.py checks that each string has both languages and
; that every $(Name) the script uses is defined here.

; Shown before a language is chosen, so both languages at once.
!define MUI_LANGDLL_WINDOWTITLE "LiveDesk"
!define MUI_LANGDLL_INFO "Please select a language.$\r$\n请选择安装语言。"

; Installer: components page
LangString SecAppName ${LANG_ENGLISH} "LiveDesk (required)"
LangString SecAppName ${LANG_SIMPCHINESE} "LiveDesk（必需）"
LangString SecAppDesc ${LANG_ENGLISH} "The LiveDesk program and its Start-menu shortcut."
LangString SecAppDesc ${LANG_SIMPCHINESE} "LiveDesk 程序及其开始菜单快捷方式。"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopName ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktopDesc ${LANG_ENGLISH} "Put a LiveDesk shortcut on your desktop."
LangString SecDesktopDesc ${LANG_SIMPCHINESE} "在桌面上创建 LiveDesk 快捷方式。"

; Shortcut tooltip
LangString ShortcutDesc ${LANG_ENGLISH} "LiveDesk: live-commerce streaming console"
LangString ShortcutDesc ${LANG_SIMPCHINESE} "LiveDesk 直播中控台"

; Checks (installer and uninstaller)
LangString NeedsWin10x64 ${LANG_ENGLISH} "LiveDesk needs 64-bit Windows 10 or later."
LangString NeedsWin10x64 ${LANG_SIMPCHINESE} "LiveDesk 需要 64 位 Windows 10 或更高版本。"
LangString AppRunning ${LANG_ENGLISH} "LiveDesk is running. Save your work and close LiveDesk, then click Retry; or click Cancel to stop without changing anything."
LangString AppRunning ${LANG_SIMPCHINESE} "LiveDesk 正在运行。请保存工作并关闭 LiveDesk，然后点击“重试”；点击“取消”则退出，不做任何更改。"
LangString DataDirRefused ${LANG_ENGLISH} "$LOCALAPPDATA\LiveDesk holds your LiveDesk data (shows, settings, logs). Please choose another folder for the program."
LangString DataDirRefused ${LANG_SIMPCHINESE} "$LOCALAPPDATA\LiveDesk 用于保存您的 LiveDesk 数据（直播场次、设置、日志）。请为程序另选一个安装文件夹。"

; Installer details (an upgrade)
LangString DetailRemovingOld ${LANG_ENGLISH} "Removing the installed version from $INSTDIR"
LangString DetailRemovingOld ${LANG_SIMPCHINESE} "正在移除 $INSTDIR 中已安装的版本"
LangString DetailOldUninstallerFailed ${LANG_ENGLISH} "The installed version's uninstaller failed ($0): removing its program files directly"
LangString DetailOldUninstallerFailed ${LANG_SIMPCHINESE} "已安装版本的卸载程序未成功（$0），改为直接删除其程序文件"

; Uninstaller: components page (the data is kept unless the user ticks it)
LangString UnSecAppName ${LANG_ENGLISH} "LiveDesk program"
LangString UnSecAppName ${LANG_SIMPCHINESE} "LiveDesk 程序"
LangString UnSecAppDesc ${LANG_ENGLISH} "Remove the program files, the shortcuts and the uninstall entry."
LangString UnSecAppDesc ${LANG_SIMPCHINESE} "删除程序文件、快捷方式和卸载信息。"
LangString UnSecDataName ${LANG_ENGLISH} "My data"
LangString UnSecDataName ${LANG_SIMPCHINESE} "我的数据"
LangString UnSecDataDesc ${LANG_ENGLISH} "Also delete $LOCALAPPDATA\LiveDesk: shows database, settings, logs, cache. Untick to keep them for a later install. Saved passwords stay in Credential Manager."
LangString UnSecDataDesc ${LANG_SIMPCHINESE} "同时删除 $LOCALAPPDATA\LiveDesk：直播场次数据库、设置、日志和缓存。不勾选则保留这些数据，重新安装后可继续使用。保存在 Windows 凭据管理器中的密码不会被删除。"
LangString UnDataConfirm ${LANG_ENGLISH} "Delete all LiveDesk data in $LOCALAPPDATA\LiveDesk?$\r$\nThe shows database, settings and logs cannot be recovered."
LangString UnDataConfirm ${LANG_SIMPCHINESE} "确定要删除 $LOCALAPPDATA\LiveDesk 中的全部 LiveDesk 数据吗？$\r$\n直播场次数据库、设置和日志删除后将无法恢复。"
LangString DetailDataKept ${LANG_ENGLISH} "Keeping your data in $LOCALAPPDATA\LiveDesk"
LangString DetailDataKept ${LANG_SIMPCHINESE} "保留您的数据：$LOCALAPPDATA\LiveDesk"
LangString DetailDataDeleting ${LANG_ENGLISH} "Deleting your data in $LOCALAPPDATA\LiveDesk"
LangString DetailDataDeleting ${LANG_SIMPCHINESE} "正在删除您的数据：$LOCALAPPDATA\LiveDesk"
