// name: schema_target_seq
// params:
CREATE CONSTRAINT graphkit_target_seq IF NOT EXISTS FOR (t:Target) REQUIRE t.seq IS UNIQUE
