<!--- Staff directory: a query grouped by department, with per-group counts and a grand total. --->
<cfset staff = queryNew("dept,name,role,salary", "varchar,varchar,varchar,numeric", [
  ["Engineering", "Ada Lovelace", "Lead", 9500],
  ["Engineering", "Alan Turing", "Engineer", 8200],
  ["Engineering", "Grace Hopper", "Engineer", 8700],
  ["Sales", "Dale Carnegie", "Manager", 7000],
  ["Sales", "Zig Ziglar", "Rep", 5200],
  ["Support", "Florence Nightingale", "Agent", 4800]
])>
<cfset total = 0>
<table>
<cfoutput query="staff" group="dept">
  <tr class="dept"><th colspan="3">#dept#</th></tr><cfset deptCount = 0>
  <cfoutput><cfset deptCount = deptCount + 1><cfset total = total + salary>
  <tr class="#currentRow MOD 2 ? 'odd' : 'even'#"><td>#name#</td><td>#role#</td><td>#numberFormat(salary, "9,999")#</td></tr>
  </cfoutput>
  <tr class="sum"><td colspan="3">#deptCount# #deptCount EQ 1 ? "person" : "people"#</td></tr>
</cfoutput>
</table>
<cfoutput><p>#staff.recordCount# people, payroll #dollarFormat(total)#</p></cfoutput>
