<cfscript>
c = new model.Counter();
c.increment().increment(5);
writeOutput(c.getCount() & " " & c.created & " " & structKeyExists(c, "count") & chr(10));
add = c.makeAdder();
writeOutput(add(10) & chr(10));
f = c.getCount;
c.increment();
writeOutput(f() & chr(10));
other = new model.Counter();
writeOutput(other.getCount() & " " & (other === c) & " " & (c === c) & chr(10));
list = [c, other];
writeOutput(list[1].getCount() + list[2].getCount() & chr(10));
</cfscript>
