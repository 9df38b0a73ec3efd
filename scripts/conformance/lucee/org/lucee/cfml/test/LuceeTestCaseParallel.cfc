component extends="LuceeTestCase" {}
