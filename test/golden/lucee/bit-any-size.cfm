<!--- The bit functions work on integers of any size, as Lucee 7 (BigInteger): shifting left past
      bit 31 does not wrap to a negative number, shifting right keeps the sign, and operands past
      32 bits are accepted. A number with a fraction or a negative shift is an error. --->
<cfscript>
writeOutput(bitSHLN(1, 31) & " " & bitSHLN(2147483647, 1) & " " & bitSHRN(-2, 1) & " " & bitSHRN(-255, 2) & chr(10));
writeOutput(bitAnd(4294967295, 255) & " " & bitOr(4294967296, 1) & " " & bitXor(-15, 9) & " " & bitNot(12) & chr(10));
writeOutput(bitAnd(1, 1.0) & " " & bitAnd(1, 0.999999999999999) & chr(10));
try { bitAnd(1.5, 1); } catch (any e) { writeOutput(e.message & chr(10)); }
try { bitSHLN(1, -1); } catch (any e) { writeOutput(e.message & chr(10)); }
</cfscript>
