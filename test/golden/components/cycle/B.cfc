component extends="A" {
}
