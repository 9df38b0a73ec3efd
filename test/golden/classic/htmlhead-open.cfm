<HTML><HEAD><cfhtmlhead text="<meta x>"><TITLE>t</TITLE><BODY>no closing head</BODY></HTML>
