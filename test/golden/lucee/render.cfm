<cfscript>
// Lucee's render(): the string runs as CFML in the caller's scopes; its output goes to the page
// (here into savecontent) and render() itself returns an empty string.
str = 'hello world';
savecontent variable="changed" {
  render("#replace(str, 'world', 'universe')#!");
}
writeOutput(str & "|" & changed & "|");
x = 1;
render("x is #x#");
writeOutput("|r=[" & render("a") & "]");
</cfscript>
