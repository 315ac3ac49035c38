@rem Copyright 2026 the imh-measures authors
@rem SPDX-License-Identifier: Apache-2.0
@rem
@rem The imh-measures command-line tool. Needs a Java 17+ runtime: %JAVA_HOME%\bin\java.exe, else java on
@rem the PATH. JAVA_OPTS, if set, is passed to the JVM.
@echo off
setlocal
set "IMH_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" %JAVA_OPTS% -jar "%IMH_HOME%\lib\imh-measures-cli.jar" %*
exit /b %ERRORLEVEL%
