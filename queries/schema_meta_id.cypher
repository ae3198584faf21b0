// name: schema_meta_id
// params:
CREATE CONSTRAINT graphkit_meta_id IF NOT EXISTS FOR (m:GraphkitMeta) REQUIRE m.id IS UNIQUE
