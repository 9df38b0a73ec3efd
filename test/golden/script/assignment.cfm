<cfscript>
// compound assignment operators
x = 1;
x += 2; x -= 1; x *= 10; x /= 4;
writeOutput(x & "|");
s = "a"; s &= "b"; s &= 1;
writeOutput(s & "|");
i = 5; i++; ++i; i--;
writeOutput(i & "|");
j = i++;
writeOutput(j & "," & i & "|");
k = --i;
writeOutput(k & "," & i & "|");
st = {};
st.n = 1; st.n += 4; st["n"] *= 2;
arr = [1, 2]; arr[2] += 10; arr[1]++;
writeOutput(st.n & "," & arr[1] & "," & arr[2] & "|");
a = b = 7;
writeOutput(a + b);
</cfscript>
