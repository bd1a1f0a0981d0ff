; LiveDesk installer (NSIS 3, Modern UI 2, Unicode): a per-user install of the PyInstaller
; onedir build, English and Simplified Chinese, with an uninstaller.
;
;   makensis -V2 -DVERSION=0.1.0 -DSRCDIR=C:\abs\dist\LiveDesk \
;            -DOUTFILE=C:\abs\dist\LiveDesk-0.1.0-setup.exe resources/installer/livedesk.nsi
;
; Defines (all optional). makensis works in this script's folder (it changes to it unless
; -NOCD), so the defaults and any relative path given are relative to resources\installer;
; pass absolute paths. (${__FILEDIR__} is no help: it stays relative when the script is named
; by a relative path, and that breaks once makensis has changed folder.)
;   VERSION     version shown and registered; default: the version in pyproject.toml
;   VIVERSION   4-part numeric version for the file's version resource; default ${VERSION}.0
;   SRCDIR      the onedir folder, copied recursively; default ..\..\dist\LiveDesk
;   OUTFILE     the setup exe; default ..\..\dist\LiveDesk-${VERSION}-setup.exe
;   COMPRESSOR  SetCompressor arguments; default "/SOLID lzma" (-DCOMPRESSOR=zlib is faster)
;   ICON        installer and uninstaller icon; default ..\icons\livedesk.ico when it exists
;   PUBLISHER   Publisher in "Installed apps"; default LiveDesk
;
; The user's data (shows database, settings, logs, cache) lives in %LOCALAPPDATA%\LiveDesk,
; outside the program folder. The installer never touches it; the uninstaller deletes it only
; when the user ticks "My data" on its components page and confirms. A SILENT UNINSTALL (/S)
; ALWAYS KEEPS IT: an upgrade runs the installed version's uninstaller silently, so every
; future version must keep that promise too.
;
; This file stays ASCII; the translated strings are in strings.nsh (UTF-8).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!define /ifndef COMPRESSOR "/SOLID lzma"
SetCompressor ${COMPRESSOR}

!ifndef VERSION
  !searchparse /noerrors /file "..\..\pyproject.toml" `version = "` VERSION `"`
  !define /ifndef VERSION "0.0.0"
!endif
!define /ifndef VIVERSION "${VERSION}.0"
!define /ifndef SRCDIR "..\..\dist\LiveDesk"
!define /ifndef OUTFILE "..\..\dist\LiveDesk-${VERSION}-setup.exe"
!define /ifndef PUBLISHER "LiveDesk"
!ifndef ICON
  !if /FileExists "..\icons\livedesk.ico"
    !define ICON "..\icons\livedesk.ico"
  !else
    !warning "no icon: resources\icons\livedesk.ico is missing and -DICON was not given"
  !endif
!endif

!if ! /FileExists "${SRCDIR}\_internal"
  !error "SRCDIR=${SRCDIR} is not a PyInstaller onedir folder (no _internal in it): build first"
!endif
!if /FileExists "${SRCDIR}\LiveDesk.exe"
!else if /FileExists "${SRCDIR}\LiveDesk"
  ; The Linux build of the same spec (CI): proves the script; the result cannot start the app.
  !echo "SRCDIR holds a Linux build (LiveDesk, no LiveDesk.exe)"
!else
  !error "SRCDIR=${SRCDIR} has no LiveDesk.exe"
!endif

!define APP "LiveDesk"
!define EXE "LiveDesk.exe"
!define CLI_EXE "livedesk-cli.exe"
!define UNINSTALLER "Uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
; The app's own folder (platformdirs on Windows): never touched except on explicit request.
!define DATADIR "$LOCALAPPDATA\${APP}"

Name "${APP}"
BrandingText "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

Var IsUpgrade ; 1 when $INSTDIR already holds a LiveDesk install

;--------------------------------
; Modern UI

!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
; The chosen language is remembered in the uninstall key: the uninstaller and later upgrades
; use it (no dialog then); the first install preselects the system's UI language.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE DirectoryPre
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirectoryLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback when the system's UI language is neither.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_RESERVEFILE_LANGDLL

!include /CHARSET=UTF8 "strings.nsh"

;--------------------------------
; Shared by the installer and the uninstaller (macros: functions would need an un. copy)

; Ask the user to close LiveDesk while one of its exes in $INSTDIR is running (Windows refuses
; to open a running exe for writing); Cancel, or any silent run, aborts with nothing changed.
!macro _LockedExe FILE
  ${If} ${FileExists} "${FILE}"
    ClearErrors
    FileOpen $R1 "${FILE}" a
    ${If} ${Errors}
      StrCpy $R0 1
    ${Else}
      FileClose $R1
    ${EndIf}
  ${EndIf}
!macroend
!macro CheckNotRunning
  ${Do}
    StrCpy $R0 0
    !insertmacro _LockedExe "$INSTDIR\${EXE}"
    !insertmacro _LockedExe "$INSTDIR\${CLI_EXE}"
    ${If} $R0 == 0
      ${ExitDo}
    ${EndIf}
    ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY`
      Abort "$(AppRunning)"
    ${EndIf}
  ${Loop}
!macroend

; Only what a onedir build puts there (never RMDir /r $INSTDIR: the user may have picked a
; folder that holds other things).
!macro RemoveProgramFiles
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
!macroend

; $0 = 1 when $INSTDIR is the data folder or inside it.
!macro IsDataDir
  StrCpy $0 0
  ${If} "$INSTDIR" == "${DATADIR}"
    StrCpy $0 1
  ${Else}
    StrLen $1 "${DATADIR}\"
    StrCpy $2 "$INSTDIR" $1
    ${If} $2 == "${DATADIR}\"
      StrCpy $0 1
    ${EndIf}
  ${EndIf}
!macroend

;--------------------------------
; Installer

Section "$(SecAppName)" SecApp
  SectionIn RO
  !insertmacro IsDataDir
  ${If} $0 == 1
    Abort "$(DataDirRefused)"
  ${EndIf}
  !insertmacro CheckNotRunning

  ; Upgrade: a onedir build leaves stale files if only overwritten, so the installed version's
  ; uninstaller removes its own files first (silently, which keeps the data; _?= runs it in
  ; place and waits), then the known items go in case it was missing or failed. Only in a
  ; folder that holds LiveDesk.exe: never another program's uninstaller or _internal.
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ${If} ${FileExists} "$INSTDIR\${UNINSTALLER}"
      DetailPrint "$(DetailRemovingOld)"
      ClearErrors
      ExecWait '"$INSTDIR\${UNINSTALLER}" /S _?=$INSTDIR' $0
      ${If} ${Errors}
      ${OrIf} $0 != 0
        DetailPrint "$(DetailOldUninstallerFailed)"
      ${EndIf}
    ${EndIf}
    !insertmacro RemoveProgramFiles
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${SRCDIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 \
      SW_SHOWNORMAL "" "$(ShortcutDesc)"

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ; MUI saves it only when the pages run; a silent install needs it too.
  WriteRegStr HKCU "${UNINST_KEY}" "InstallerLanguage" $LANGUAGE
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 \
      SW_SHOWNORMAL "" "$(ShortcutDesc)"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SecAppDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; After the sections: .onInit uses their indexes.
Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin10x64)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  ; $INSTDIR is the registered install (InstallDirRegKey) unless /D= says otherwise.
  StrCpy $IsUpgrade 0
  ${If} ${FileExists} "$INSTDIR\${EXE}"
  ${AndIf} ${FileExists} "$INSTDIR\${UNINSTALLER}"
    StrCpy $IsUpgrade 1
    ; Keep the desktop-shortcut choice made before (it is on for a first install).
    ${IfNot} ${FileExists} "$DESKTOP\${APP}.lnk"
      !insertmacro UnselectSection ${SecDesktop}
    ${EndIf}
  ${EndIf}
FunctionEnd

Function DirectoryPre
  ; An upgrade goes where the installed version is.
  ${If} $IsUpgrade == 1
    Abort
  ${EndIf}
FunctionEnd

Function DirectoryLeave
  !insertmacro IsDataDir
  ${If} $0 == 1
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(DataDirRefused)"
    Abort
  ${EndIf}
FunctionEnd

;--------------------------------
; Uninstaller

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "un.$(UnSecAppName)" UnSecApp
  SectionIn RO
  !insertmacro CheckNotRunning
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  !insertmacro RemoveProgramFiles
  RMDir "$INSTDIR" ; only if empty: a folder the user chose may hold other things
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

; Off by default, so a silent uninstall (and an upgrade) always keeps the data.
Section /o "un.$(UnSecDataName)" UnSecData
  ${IfNot} ${Silent}
  ${AndIf} ${Cmd} `MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnDataConfirm)" /SD IDNO IDYES`
    DetailPrint "$(DetailDataDeleting)"
    RMDir /r "${DATADIR}"
  ${Else}
    DetailPrint "$(DetailDataKept)"
  ${EndIf}
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecApp} "$(UnSecAppDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "$(UnSecDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
