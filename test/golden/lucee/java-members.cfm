<cfscript>
// Java String methods Lucee resolves on strings: 0-based positions, -1 for no match
s = "Hello World";
writeOutput(s.startsWith("He") & " " & s.startsWith("World", 6) & " " & s.endsWith("d") & " " & s.toUpperCase() & " " & s.toLowerCase() & " " & s.length() & chr(10));
writeOutput(s.indexOf("o") & " " & s.indexOf("o", 5) & " " & s.lastIndexOf("o") & " " & s.indexOf("z") & chr(10));
writeOutput(s.substring(6) & "|" & s.substring(0, 5) & "|" & s.charAt(4) & chr(10));
writeOutput(s.equals("Hello World") & " " & s.equals("hello world") & " " & s.equalsIgnoreCase("hello world") & " " & s.contains("lo W") & " " & "".isEmpty() & chr(10));
// split takes a regex and drops trailing empty items (limit 0), keeps them with a limit
writeOutput(serializeJSON("a,b,,c,,".split(",")) & serializeJSON("a1b22c".split("\d+")) & serializeJSON("a,b,c".split(",", 2)) & chr(10));
writeOutput(s.concat("!") & "|" & s.replaceAll("o(.)", "0$1$1") & "|" & s.replaceFirst("[aeiou]", "_") & "|" & "a.b".replaceAll("\.", "\$") & chr(10));
writeOutput(s.matches("H.*d") & " " & s.matches("ello") & " " & "a".compareTo("c") & " " & "ab".compareTo("a") & " " & "B".compareToIgnoreCase("a") & chr(10));
// toString() on collections: Lucee's key={value} form
st = {a: 1, b: [1, 2, {c: "x"}]};
writeOutput(st.toString() & " " & [1, "two", [3]].toString() & chr(10));
o = {c: 3, a: 9};
st.putAll(o);
writeOutput(serializeJSON(st) & " " & serializeJSON(st.keySet()) & " " & st.containsKey("c") & " " & st.size() & chr(10));
try { s.substring(20); } catch (any e) { writeOutput(e.message & chr(10)); }
try { s.charAt(-1); } catch (any e) { writeOutput(e.message & chr(10)); }
// member-only: not functions by name
writeOutput(structKeyExists(getFunctionList(), "startsWith"));
</cfscript>
