<cfmodule name="../etc/passwd">
