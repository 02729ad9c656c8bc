<#
.SYNOPSIS
  Builds the Windows app-image and .msi of FC Permissions Console with jpackage (JDK 17) and the WiX Toolset 3.

.DESCRIPTION
  powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 [-Target app-image|msi|all]

  The same recipe as installer/build-linux.sh: mvn package, the runtime jars, a jlinked runtime with JavaFX linked
  in (the javafx-*-win.jar modules Maven resolves on Windows), the JVM options every launch needs, the icon from
  resources\fc-permissions-console.ico, and the runtime's base CDS archive. Two launchers: "FC Permissions Console.exe"
  (the window, no console) and fc-permissions-console.exe (a console program, for the sandbox and policy commands,
  which print to the console). Outputs under target\installer\: app-image\FC Permissions Console\ and
  "FC Permissions Console-<version>.msi".

  Not run where it was written (a Linux machine): see installer\README.md. Needs a full JDK 17 (JAVA_HOME, with
  jmods), Maven on PATH, and for the .msi the WiX Toolset 3.x (candle.exe and light.exe on PATH; jpackage 17 does
  not know WiX 4 or later).
#>
param(
  [ValidateSet('app-image', 'msi', 'all')]
  [string] $Target = 'all'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
$Out = Join-Path $Root 'target\installer'
$Work = Join-Path $Out 'work'
$Logs = Join-Path $Work 'logs'

$AppName = 'FC Permissions Console'
$CliName = 'fc-permissions-console'                   # the console launcher, named like the Linux one
$MainClass = 'fcperm.app.Main'
$Vendor = 'FC Permissions Console project'
# Fixed for the life of the product: Windows Installer finds the installed version to upgrade by this code.
$UpgradeUuid = 'b073957f-93f9-4630-92b4-0b62174004bf'
# As in build-linux.sh (README "Runtime modules" says how the list was found).
$Modules = 'javafx.controls,javafx.fxml,java.compiler,java.desktop,java.logging,java.management,java.naming,' +
           'java.security.jgss,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.localedata'
# Every launch: the FC SDK reflects into java.lang. No app AppCDS archive on Windows (installer\README.md, "AppCDS").
$JavaOptions = @('--add-opens=java.base/java.lang=ALL-UNNAMED', '-Xlog:all=off:stdout', '-Xlog:all=warning:stderr')

function Step([string] $Message) { Write-Host "==> $Message" }

# Runs a program; a non-zero exit status stops the build, with the program's output (kept in LOG) shown.
function Invoke-Tool([string] $Exe, [string[]] $Arguments, [string] $Log) {
  # Windows PowerShell 5.1 turns each stderr line of a redirected program into an error, fatal under 'Stop'
  $ErrorActionPreference = 'Continue'
  & $Exe @Arguments *> $Log
  $status = $LASTEXITCODE
  $ErrorActionPreference = 'Stop'
  if ($status -ne 0) {
    Get-Content $Log | Select-Object -Last 40 | Write-Host
    throw "$Exe failed with exit status $status (log: $Log)"
  }
}

function Size([string] $Path) {
  $bytes = (Get-ChildItem -LiteralPath $Path -Recurse -File | Measure-Object -Property Length -Sum).Sum
  '{0:N0} MB' -f ($bytes / 1MB)
}

# ---- tools -----------------------------------------------------------------------------------------------------------
$Jdk = $env:JAVA_HOME
if (-not $Jdk) { $Jdk = Split-Path -Parent (Split-Path -Parent (Get-Command javac.exe).Source) }
foreach ($tool in 'jlink.exe', 'jpackage.exe', 'java.exe') {
  if (-not (Test-Path (Join-Path $Jdk "bin\$tool"))) { throw "no $tool in $Jdk\bin: set JAVA_HOME to a full JDK 17" }
}
if (-not (Test-Path (Join-Path $Jdk 'jmods'))) { throw "no $Jdk\jmods: jlink needs a JDK with jmods (e.g. Temurin 17)" }
$WantMsi = $Target -in 'msi', 'all'
if ($WantMsi -and -not ((Get-Command candle.exe -ErrorAction SilentlyContinue) -and (Get-Command light.exe -ErrorAction SilentlyContinue))) {
  throw 'building an .msi needs the WiX Toolset 3.x: candle.exe and light.exe on PATH (https://wixtoolset.org)'
}
$Jlink = Join-Path $Jdk 'bin\jlink.exe'
$Jpackage = Join-Path $Jdk 'bin\jpackage.exe'

$started = Get-Date
New-Item -ItemType Directory -Force -Path $Out | Out-Null
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
New-Item -ItemType Directory -Force -Path $Logs | Out-Null

# ---- 1. the app and its runtime jars --------------------------------------------------------------------------------
Step 'mvn package + runtime dependencies'
$deps = Join-Path $Work 'deps'
# (Arguments as strings in an array: typed bare on a PowerShell command line, -Dname.with.dots=value would split.)
Invoke-Tool 'mvn.cmd' @('-q', '-B', '-ntp', '-f', (Join-Path $Root 'pom.xml'), '-DskipTests', 'package',
  'dependency:copy-dependencies', '-DincludeScope=runtime', "-DoutputDirectory=$deps") (Join-Path $Logs 'mvn.log')
$Version = ((Get-Content (Join-Path $Root 'target\maven-archiver\pom.properties')) -match '^version=' | Select-Object -First 1) -replace '^version=', ''
$AppJar = Join-Path $Root "target\$CliName-$Version.jar"
if (-not (Test-Path $AppJar)) { throw "no $AppJar after mvn package" }
$AppVersion = ($Version -split '-')[0]                 # the .msi wants 0.1.0, not 0.1.0-SNAPSHOT
$Description = ([xml] (Get-Content -Raw (Join-Path $Root 'pom.xml'))).project.description
Write-Host "    version $Version (packaged as $AppVersion)"

$InputDir = Join-Path $Work 'input'
$FxMods = Join-Path $Work 'fxmods'
New-Item -ItemType Directory -Force -Path $InputDir, $FxMods | Out-Null
Copy-Item $AppJar $InputDir
foreach ($jar in Get-ChildItem (Join-Path $deps '*.jar')) {
  if ($jar.Name -like 'javafx-*-win.jar') { Copy-Item $jar.FullName $FxMods }     # real modules with the DLLs
  elseif ($jar.Name -like 'javafx-*.jar') { }                                    # empty placeholders
  else { Copy-Item $jar.FullName $InputDir }
}
if (-not (Get-ChildItem (Join-Path $FxMods 'javafx-graphics-*-win.jar'))) { throw 'no javafx-graphics-*-win.jar in the dependencies' }

# ---- 2. the runtime --------------------------------------------------------------------------------------------------
# Not --strip-native-commands: the sandbox runs functions in a child JVM started from this runtime's bin\java.exe.
Step "jlink runtime ($Modules)"
$Runtime = Join-Path $Work 'runtime'
Invoke-Tool $Jlink @('--module-path', "$(Join-Path $Jdk 'jmods');$FxMods", '--add-modules', $Modules,
  '--include-locales=en,zh', '--strip-debug', '--no-man-pages', '--no-header-files', '--output', $Runtime) (Join-Path $Logs 'jlink.log')
# The base CDS archive jlink does not make: valid wherever the runtime is installed (its check is the modules file's size)
Invoke-Tool (Join-Path $Runtime 'bin\java.exe') @('-Xshare:dump') (Join-Path $Logs 'xshare-dump.log')
Write-Host "    $(Size $Runtime)"

# ---- 3. the app-image ------------------------------------------------------------------------------------------------
$Common = @('--name', $AppName, '--app-version', $AppVersion, '--vendor', $Vendor, '--description', $Description,
            '--copyright', "the $Vendor")
$CliProperties = Join-Path $Work 'cli-launcher.properties'
# the second launcher: the same program built as a console application, without shortcuts
Set-Content -Encoding ASCII -Path $CliProperties -Value @('win-console=true', 'win-shortcut=false', 'win-menu=false')
$ImageArgs = $Common + @('--input', $InputDir, '--main-jar', (Split-Path -Leaf $AppJar), '--main-class', $MainClass,
  '--runtime-image', $Runtime, '--icon', (Join-Path $Root 'resources\fc-permissions-console.ico'),
  '--add-launcher', "$CliName=$CliProperties")
foreach ($option in $JavaOptions) { $ImageArgs += @('--java-options', $option) }

Step 'jpackage app-image'
$ImageDir = Join-Path $Out 'app-image'
if (Test-Path $ImageDir) { Remove-Item -Recurse -Force $ImageDir }
Invoke-Tool $Jpackage (@('--type', 'app-image') + $ImageArgs + @('--dest', $ImageDir, '--verbose')) (Join-Path $Logs 'jpackage-app-image.log')
$Image = Join-Path $ImageDir $AppName
Write-Host "    $Image`: $(Size $Image)"
# Smoke test of the console launcher: the sub-commands print to the console
& (Join-Path $Image "$CliName.exe") --help | Out-Host
if ($LASTEXITCODE -ne 0) { throw "$CliName.exe --help failed with exit status $LASTEXITCODE" }

# ---- 4. the .msi -----------------------------------------------------------------------------------------------------
if ($WantMsi) {
  Step 'jpackage msi (WiX)'
  Get-ChildItem -Path $Out -Filter "$AppName-*.msi" | Remove-Item -Force
  Invoke-Tool $Jpackage (@('--type', 'msi', '--app-image', $Image) + $Common + @(
      '--win-menu', '--win-menu-group', $AppName, '--win-shortcut', '--win-dir-chooser',
      '--win-upgrade-uuid', $UpgradeUuid, '--dest', $Out, '--verbose')) (Join-Path $Logs 'jpackage-msi.log')
  $Msi = Get-ChildItem -Path $Out -Filter "$AppName-*.msi" | Select-Object -First 1
  Write-Host "    $($Msi.FullName): $('{0:N0} MB' -f ($Msi.Length / 1MB))"
}

Step ("done in {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
