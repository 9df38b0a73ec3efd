/** GET Contacts.cfc?method=search&q=ada (JSON), Contacts.cfc?method=greet&name=Ada (plain text). */
component {
  variables.people = [
    { "name": "Ada Lovelace", "city": "London" },
    { "name": "Grace Hopper", "city": "New York" },
    { "name": "Anne Frank", "city": "Amsterdam" }
  ];

  remote array function search(string q = "") {
    return variables.people.filter((p) => findNoCase(q, p.name) > 0);
  }

  remote string function greet(required string name) returnformat="plain" {
    return "Hello, " & name & "!";
  }

  /** Not remote: a call over HTTP is refused with 403. */
  public array function all() {
    return variables.people;
  }
}
