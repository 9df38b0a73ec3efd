<!--- Buttons acting on the selected messages (inside a form to action.cfm; needs `folders`). --->
<div class="actions">
  <button type="submit" name="do" value="markRead" id="mark-read">Mark read</button>
  <button type="submit" name="do" value="delete" id="delete">Delete</button>
  <select name="newFolder" id="move-to" aria-label="move to">
    <cfoutput query="folders"><cfif fullName neq url.folder><option value="#encodeForHTMLAttribute(fullName)#">#encodeForHTML(fullName)#</option></cfif></cfoutput>
  </select>
  <button type="submit" name="do" value="move" id="move">Move</button>
</div>
