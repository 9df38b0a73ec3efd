<cfscript>
// time zone per render: getTimeZoneInfo() without an argument reports it
setTimeZone("CET");
writeOutput(getTimeZone() & " " & getTimezoneInfo().timezone & chr(10));
setTimeZone("GMT+2");
writeOutput(getTimeZone() & chr(10));
clearTimeZone();
// object cache (per Engine; a named cache keeps this test apart from others)
cacheClear("", "golden-extras");
writeOutput(isNull(cacheGet("cow", false, "golden-extras")) & " ");
cachePut("cow", "moo", createTimeSpan(0,0,30,0), createTimeSpan(0,0,15,0), "golden-extras");
cachePut("Cat", {says: "meow"}, "", "", "golden-extras");
writeOutput(cacheGet("COW", false, "golden-extras") & " " & cacheKeyExists("cat", "golden-extras") & " " & cacheGet("cat", "golden-extras").says & " " & serializeJSON(cacheGetAllIds("c*", "golden-extras")) & " " & cacheCount("golden-extras") & chr(10));
cachePut("short", 1, 0.0000000001, "", "golden-extras");
sleep(20);
writeOutput(isNull(cacheGet("short", false, "golden-extras")) & " " & structKeyList(cacheGetAll("", "golden-extras")) & " ");
cacheDelete("cow", false, "golden-extras");
writeOutput(cacheClear("", "golden-extras") & " " & cacheCount("golden-extras") & chr(10));
try { cacheGet("gone", true, "golden-extras"); } catch (any e) { writeOutput(e.message & chr(10)); }
// arrayRange
writeOutput(serializeJSON(arrayRange("2..5")) & serializeJSON(arrayRange(5, 10)) & serializeJSON(arrayRange(10, 1, 3)) & chr(10));
// runAsync: a future; the closure has run by the time get() is called
f = runAsync(function(){ return 5; }).then(function(x){ return x + 2; });
writeOutput(f.get() & " " & f.isDone() & " ");
e = runAsync(function(){ throw(message="boom"); }).then(function(x){ return "no"; }).error(function(err){ return "caught " & err.message; });
writeOutput(e.get() & chr(10));
try { runAsync(function(){ throw(message="bad"); }).get(); } catch (any e) { writeOutput(e.message & chr(10)); }
// serialize: the CFML literal form
writeOutput(serialize({ "firstName": "John", "n": 1.5, "ok": true, "tags": ["a", 'say "hi" ##1'], "nil": nullValue() }) & chr(10));
writeOutput(serialize(queryNew("a,b", "integer,varchar", [[1, "x"]])) & " " & serialize([:]) & " " & serialize([]) & chr(10));
</cfscript>
