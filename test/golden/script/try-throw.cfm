<cfscript>
try { x = 1 / 0; } catch (any e) { writeOutput(e.type & ": " & e.message); }
writeOutput("|");
try {
  throw(message="boom", type="my.custom.err", detail="dt", errorCode="42");
} catch (my.custom e) {
  writeOutput(e.type & "/" & e.message & "/" & e.detail & "/" & e.errorCode);
}
writeOutput("|");
try { throw "plain"; } catch (any e) { writeOutput(e.type & "/" & e.message); }
writeOutput("|");
try { throw message="attr form" type="Attr.Type"; } catch (attr.type e) { writeOutput(e.type & "/" & e.message); }
writeOutput("|");
try {
  try { throw(type="Inner", message="m1"); } catch (Inner e) { writeOutput("inner;"); rethrow; }
} catch (any e2) { writeOutput(e2.type & "/" & e2.message); }
writeOutput("|");
try { writeOutput("t"); } catch (any e) { writeOutput("c"); } finally { writeOutput("f"); }
writeOutput("|");
try { y = undefinedThing; } catch (expression e) { writeOutput(e.message); }
writeOutput("|");
try { throw(message="x"); } catch (application e) { writeOutput("app:" & e.type); }
writeOutput("|");
// the first matching catch wins; a longer dotted type does not match a shorter one
try { throw(message="x", type="a.b"); } catch (a.bc e) { writeOutput("wrong"); } catch (a e) { writeOutput("prefix a"); } catch (any e) { writeOutput("any"); }
writeOutput("|");
try { x = "abc" + 1; } catch (any e) { writeOutput(e.type & ": " & e.message); }
writeOutput("|");
// catch types are case-insensitive; the variable is visible after the block too
try { throw(type="MyErr", message="cased"); } catch (myerr err) { }
writeOutput(err.message);
</cfscript>
