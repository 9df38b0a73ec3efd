<cfscript>
a = model.Registry::create("one");
b = model.Registry::create("two");
writeOutput(a.getName() & " " & b.getName() & " " & model.Registry::total() & " " & model.Registry::label & chr(10));
arr = [5, 4, 3, 2, 1];
writeOutput(arrayToList(arr[::-1]) & " " & arrayToList(arr[2:3]) & chr(10));
</cfscript>
