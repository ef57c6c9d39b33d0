; 签约项目跟踪 — per-user Windows installer (NSIS 3, Unicode). No admin rights needed.
;   makensis -DVERSION=0.1.0 -DBUNDLE=dist\win\SignedDealTracker -DOUTFILE=dist\SignedDealTracker-0.1.0-setup.exe packaging\installer.nsi
; BUNDLE is the PyInstaller one-folder output (SignedDealTracker.exe, tracker.exe, _internal\).
; Installs to %LOCALAPPDATA%\Programs\SignedDealTracker (same place as other per-user apps),
; Start-menu and desktop shortcuts, an entry in 设置 > 应用 (HKCU). Running it again upgrades in
; place (same folder, old program files replaced). Silent: setup.exe /S [/D=C:\other dir]
; (/D= last, unquoted, even with spaces). The uninstaller never touches the user's data in
; %LOCALAPPDATA%\SignedDealTracker (database, backups) nor the settings in %APPDATA%.

; A 64-bit installer where this NSIS has the amd64 stubs (Debian's makensis does; they also
; let Wine's 64-bit-only wine64 run it); the official Windows NSIS has only x86 stubs, whose
; 32-bit installer runs the same on 64-bit Windows. The app itself is 64-bit either way.
!if /FileExists "${NSISDIR}/Stubs/lzma_solid-amd64-unicode"
  Target amd64-unicode
!else
  Unicode true
!endif
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\dist\win\SignedDealTracker"   ; relative to this folder (makensis cd-s here)
!endif
!ifndef OUTFILE
  !define OUTFILE "SignedDealTracker-${VERSION}-setup.exe"
!endif
; Code signing (CI, when a certificate exists): -DSIGNCMD=C:\path\sign.cmd, called as
; sign.cmd FILE for setup.exe and for the uninstaller that setup.exe writes.
!ifdef SIGNCMD
  !finalize '"${SIGNCMD}" "%1"' = 0
  !uninstfinalize '"${SIGNCMD}" "%1"' = 0
!endif

!define APPNAME "签约项目跟踪"
!define APPID "SignedDealTracker"
!define APPEXE "SignedDealTracker.exe"
!define PUBLISHER "签约项目跟踪"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define APPKEY "Software\${APPID}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPID}"
InstallDirRegKey HKCU "${APPKEY}" "InstallDir"   ; an upgrade goes where the last install went
BrandingText "${APPNAME} ${VERSION}"

; Version resource of setup.exe (shown in its Properties > Details).
VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" ""

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "..\ui\assets\SignedDealTracker.ico"   ; makensis works in this folder
!define MUI_UNICON "..\ui\assets\SignedDealTracker.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APPEXE}"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${APPNAME}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; Program files may not be replaced while the app or the CLI runs: ask to close it (silent
; installs give up with exit code 2 instead of waiting for an answer nobody can give).
!macro WaitUntilClosed FILE
  ${If} ${FileExists} "$INSTDIR\${FILE}"
    ${Do}
      ClearErrors
      FileOpen $0 "$INSTDIR\${FILE}" a
      ${IfNot} ${Errors}
        FileClose $0
        ${Break}
      ${EndIf}
      ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APPNAME} 正在运行（${FILE}）。请先关闭它，再点“重试”。" /SD IDCANCEL IDRETRY`
        SetErrorLevel 2
        Quit
      ${EndIf}
    ${Loop}
  ${EndIf}
!macroend

Section "!${APPNAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  !insertmacro WaitUntilClosed "${APPEXE}"
  !insertmacro WaitUntilClosed "tracker.exe"
  ; Upgrade in place: drop the previous version's program files first so no stale DLL or
  ; module survives; only what this installer itself put there is removed.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APPEXE}"
  Delete "$INSTDIR\tracker.exe"

  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${APPEXE}" "" "$INSTDIR\${APPEXE}" 0
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${APPEXE}" "" "$INSTDIR\${APPEXE}" 0

  WriteRegStr HKCU "${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APPKEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${APPEXE},0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro WaitUntilClosed "${APPEXE}"
  !insertmacro WaitUntilClosed "tracker.exe"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  ; Only the program: the data folder %LOCALAPPDATA%\SignedDealTracker (database, backups)
  ; is a different folder and stays, so a reinstall finds the ledger as it was.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APPEXE}"
  Delete "$INSTDIR\tracker.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"          ; not /r: anything a user put there stays
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${APPKEY}"
SectionEnd
