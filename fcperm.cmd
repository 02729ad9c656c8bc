@echo off
rem Starts FC Permissions Console from this source tree on Windows, as ./fcperm does elsewhere: "fcperm" opens the
rem app on the embedded sandbox, "fcperm COMMAND ..." runs a command. Maven runs only when the build is missing or a
rem file under src\main or pom.xml is newer than it; the first window writes an AppCDS archive when it closes, later
rem starts use it (made again when the jars change). JAVA_HOME picks the JDK; FCPERM_JAVA_OPTS adds JVM options;
rem FCPERM_NO_CDS=1 starts without the archive. Everything it makes is under target\launcher\.
setlocal EnableExtensions EnableDelayedExpansion
set "REPO=%~dp0"
set "STATE=%REPO%target\launcher"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"

rem cmd cannot compare file times: PowerShell names the first file newer than the last build, if any.
set "NEWER="
for /f "usebackq delims=" %%L in (`powershell -NoProfile -Command "$b = '%STATE%\built'; if (-not (Test-Path $b) -or -not (Test-Path '%STATE%\classpath.txt')) { 'no build yet' } else { $t = (Get-Item $b).LastWriteTimeUtc; @(Get-Item '%REPO%pom.xml') + @(Get-ChildItem -Recurse -File '%REPO%src\main') | Where-Object { $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1 | ForEach-Object { $_.FullName } }"`) do set "NEWER=%%L"
if defined NEWER (
  echo fcperm: building with Maven ^(!NEWER!^)... 1>&2
  if not exist "%STATE%" mkdir "%STATE%"
  pushd "%REPO%"
  call mvn -q -B -ntp -Dstyle.color=never -Dmaven.test.skip=true package dependency:build-classpath -Dmdep.includeScope=runtime "-Dmdep.outputFile=%STATE%\classpath.txt" 1>&2
  if errorlevel 1 ( popd & exit /b 1 )
  popd
  type nul > "%STATE%\built"
)

rem The classpath is longer than a cmd variable may safely be: it goes to the JVM in an argument file (forward
rem slashes, since a backslash escapes in those files). The archive's key is the JDK's version and every jar's path,
rem size and time: a JVM refuses an archive whose jars changed, and a new key says to make a new one.
for /f "usebackq delims=" %%K in (`powershell -NoProfile -Command "$jar = Get-ChildItem '%REPO%target\fc-permissions-console-*.jar' | Where-Object { $_.Name -notmatch 'sources|javadoc' } | Select-Object -First 1; $cp = @($jar.FullName) + ((Get-Content -Raw '%STATE%\classpath.txt').Trim() -split ';'); Set-Content -Encoding ASCII '%STATE%\classpath.args' ('-cp \"' + (($cp -join ';') -replace '\\','/') + '\"'); $v = (& '%JAVA%' -version 2>&1 | Out-String); $f = $cp | ForEach-Object { $i = Get-Item $_; '{0} {1} {2}' -f $i.FullName, $i.Length, $i.LastWriteTimeUtc.Ticks }; [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes($v + ($f -join ';'))))"`) do set "KEY=%%K"

set "FLAGS=--add-opens java.base/java.lang=ALL-UNNAMED"
set "ARCHIVE=%STATE%\app.jsa"
if "%FCPERM_NO_CDS%"=="1" goto run
set "OLDKEY="
if exist "%STATE%\app.jsa.key" set /p OLDKEY=<"%STATE%\app.jsa.key"
rem an archive is used once the JVM has accepted it with -Xshare:on (a JVM killed while dumping leaves one it refuses)
if exist "%ARCHIVE%" if "!OLDKEY!"=="!KEY!" if not exist "%STATE%\app.jsa.ok" (
  "%JAVA%" -Xshare:on "-XX:SharedArchiveFile=%ARCHIVE%" -XX:ErrorFile=NUL -XX:-CreateCoredumpOnCrash "@%STATE%\classpath.args" -version >NUL 2>&1 && type nul > "%STATE%\app.jsa.ok" || del "%ARCHIVE%"
)
if exist "%ARCHIVE%" if exist "%STATE%\app.jsa.ok" if "!OLDKEY!"=="!KEY!" (
  set "FLAGS=!FLAGS! -XX:SharedArchiveFile=%ARCHIVE% -Xlog:cds=off -Xlog:cds+dynamic=off"
  goto run
)
rem only the window trains the archive: a short command would leave the UI's classes out of it
if not "%~1"=="" goto run
if exist "%ARCHIVE%" del "%ARCHIVE%"
if exist "%STATE%\app.jsa.ok" del "%STATE%\app.jsa.ok"
> "%STATE%\app.jsa.key" echo !KEY!
set "FLAGS=!FLAGS! -XX:ArchiveClassesAtExit=%ARCHIVE% -Xlog:cds=off -Xlog:cds+dynamic=off"

:run
"%JAVA%" %FLAGS% %FCPERM_JAVA_OPTS% "@%STATE%\classpath.args" fcperm.app.Main %*
exit /b %ERRORLEVEL%
