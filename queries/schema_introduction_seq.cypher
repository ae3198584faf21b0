// name: schema_introduction_seq
// params:
CREATE CONSTRAINT graphkit_introduction_seq IF NOT EXISTS
FOR (i:Introduction) REQUIRE i.seq IS UNIQUE
