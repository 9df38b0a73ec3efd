// custom tag: no event methods at all: the body goes to the page as it is
component {
}
