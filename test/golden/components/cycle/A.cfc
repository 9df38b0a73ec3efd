component extends="B" {
}
